package app.covenant.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The IP address a request came from. {@code X-Forwarded-For} is believed only when the direct peer
 * is one of the configured trusted proxies; then the right-most address that is not itself a trusted
 * proxy is the client — everything to its left was written by the client and may be forged.
 * Addresses come back normalised ({@code 203.0.113.7}, {@code 2001:db8::1}).
 */
public final class ClientAddress {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpRange> trustedProxies;

    /**
     * @param trustedProxies IP addresses or CIDR ranges ({@code 10.0.0.0/8}); empty to trust no one
     * @throws IllegalArgumentException if an entry is neither
     */
    public ClientAddress(Collection<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(entry -> !entry.isEmpty())
                .map(IpRange::parse).toList();
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders(FORWARDED_FOR)));
    }

    /** The client of a connection from {@code remoteAddress} carrying these {@code X-Forwarded-For} headers. */
    public String resolve(String remoteAddress, List<String> forwardedFor) {
        Optional<InetAddress> peer = IpAddresses.parse(remoteAddress);
        if (peer.isEmpty()) {
            return remoteAddress; // not an IP connection (a test, a socket file): nothing better is known
        }
        InetAddress client = peer.get();
        if (!isTrusted(client)) {
            return IpAddresses.format(client);
        }
        List<String> hops = hops(forwardedFor);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parse(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                break; // garbage: keep the last address a trusted proxy vouched for
            }
            client = hop.get();
            if (!isTrusted(client)) {
                break;
            }
        }
        return IpAddresses.format(client);
    }

    private boolean isTrusted(InetAddress address) {
        for (IpRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> hops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    /** Some proxies write {@code 203.0.113.7:4711} or {@code [2001:db8::1]:4711}. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon >= 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
