package app.covenant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // case, trusted proxies, remote address, X-Forwarded-For headers, expected client
                Arguments.of("no proxy configured: the header is ignored", "", "203.0.113.7",
                        List.of("198.51.100.1"), "203.0.113.7"),
                Arguments.of("no header at all", "127.0.0.1", "127.0.0.1", List.of(), "127.0.0.1"),
                Arguments.of("one trusted proxy", "127.0.0.1", "127.0.0.1", List.of("198.51.100.1"), "198.51.100.1"),
                Arguments.of("trusted chain: right-most address that is not a proxy", "10.0.0.0/8",
                        "10.0.0.2", List.of("192.0.2.99, 198.51.100.1, 10.0.0.5"), "198.51.100.1"),
                Arguments.of("spoofed header from an untrusted peer", "10.0.0.0/8", "203.0.113.9",
                        List.of("198.51.100.1"), "203.0.113.9"),
                Arguments.of("forged entries left of the real client are skipped", "10.0.0.0/8", "10.0.0.2",
                        List.of("6.6.6.6, 7.7.7.7, 198.51.100.1"), "198.51.100.1"),
                Arguments.of("several headers read as one list", "10.0.0.0/8", "10.0.0.2",
                        List.of("6.6.6.6", "198.51.100.1, 10.1.2.3"), "198.51.100.1"),
                Arguments.of("every hop trusted: the farthest one", "10.0.0.0/8", "10.0.0.2",
                        List.of("10.0.0.9, 10.0.0.8"), "10.0.0.9"),
                Arguments.of("garbage stops at the last vouched-for hop", "10.0.0.0/8", "10.0.0.2",
                        List.of("198.51.100.1, unknown, 10.0.0.7"), "10.0.0.7"),
                Arguments.of("host names are never resolved", "10.0.0.0/8", "10.0.0.2",
                        List.of("localhost"), "10.0.0.2"),
                Arguments.of("IPv4 with a port", "127.0.0.1", "127.0.0.1", List.of("198.51.100.1:4711"),
                        "198.51.100.1"),
                Arguments.of("IPv6 client, normalised", "::1", "0:0:0:0:0:0:0:1", List.of("2001:DB8:0:0:0:0:0:7"),
                        "2001:db8::7"),
                Arguments.of("IPv6 in brackets with a port", "::1", "::1", List.of("[2001:db8::7]:443"),
                        "2001:db8::7"),
                Arguments.of("IPv6 peer, not trusted", "10.0.0.0/8", "2001:db8::1", List.of("198.51.100.1"),
                        "2001:db8::1"),
                Arguments.of("IPv6 CIDR of proxies", "2001:db8:aaaa::/48", "2001:db8:aaaa:1::2",
                        List.of("2001:db8:ffff::9, 2001:db8:aaaa::3"), "2001:db8:ffff::9"),
                Arguments.of("IPv4 CIDR /22 boundary: inside", "192.0.0.0/22", "192.0.3.255", List.of("198.51.100.1"),
                        "198.51.100.1"),
                Arguments.of("IPv4 CIDR /22 boundary: outside", "192.0.0.0/22", "192.0.4.0", List.of("198.51.100.1"),
                        "192.0.4.0"),
                Arguments.of("IPv4-mapped IPv6 peer is the IPv4 address", "10.0.0.0/8", "::ffff:10.0.0.2",
                        List.of("198.51.100.1"), "198.51.100.1"),
                Arguments.of("several ranges", "192.0.2.10, 10.0.0.0/8", "192.0.2.10",
                        List.of("198.51.100.1, 10.0.0.5"), "198.51.100.1"),
                Arguments.of("not an IP connection", "127.0.0.1", "some-socket", List.of("198.51.100.1"),
                        "some-socket"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsTheClient(String name, String trusted, String remote, List<String> forwardedFor, String expected) {
        ClientAddress addresses = new ClientAddress(Arrays.asList(trusted.split(",")));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        forwardedFor.forEach(value -> request.addHeader(ClientAddress.FORWARDED_FOR, value));

        assertThat(addresses.of(request)).isEqualTo(expected);
        assertThat(addresses.resolve(remote, forwardedFor)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "10.0.0", "300.1.1.1", "*"})
    void refusesWhatIsNotAnAddressOrRange(String entry) {
        assertThatThrownBy(() -> new ClientAddress(List.of(entry))).isInstanceOf(IllegalArgumentException.class);
        RateLimitProperties properties = new RateLimitProperties(true, 100, 10, List.of(entry), 1000,
                java.time.Duration.ofMillis(500));
        assertThat(properties.isTrustedProxiesValid()).isFalse();
    }

    @Test
    void blankEntriesOfTheVariableAreIgnored() {
        RateLimitProperties properties = new RateLimitProperties(true, 100, 10, List.of(" ", "10.0.0.0/8 "), 1000,
                java.time.Duration.ofMillis(500));
        assertThat(properties.trustedProxies()).containsExactly("10.0.0.0/8");
        assertThat(properties.isTrustedProxiesValid()).isTrue();
    }

    @Test
    void writesIpv6TheShortWay() {
        assertThat(format("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(format("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(format("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(format("1:0:0:0:0:0:0:0")).isEqualTo("1::");
        assertThat(format("fe80::1%eth0")).isEqualTo("fe80::1");
    }

    private static String format(String address) {
        return IpAddresses.format(IpAddresses.parse(address).orElseThrow());
    }
}
