package app.covenant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimitKeysTest {

    @Test
    void aSignedInUserHasTheirOwnBucketWhereverTheyComeFrom() {
        UUID user = UUID.randomUUID();

        assertThat(RateLimitKeys.general(Optional.of(user), "198.51.100.1"))
                .isEqualTo(RateLimitKeys.general(Optional.of(user), "203.0.113.7"))
                .isEqualTo("ratelimit:user:" + user);
    }

    @Test
    void anAnonymousClientHasTheBucketOfItsAddress() {
        assertThat(RateLimitKeys.general(Optional.empty(), "198.51.100.1")).isEqualTo("ratelimit:ip:198.51.100.1");
        assertThat(RateLimitKeys.general(Optional.empty(), "198.51.100.1"))
                .isNotEqualTo(RateLimitKeys.general(Optional.empty(), "198.51.100.2"));
    }

    @Test
    void anIpv6ClientIsLimitedByItsSlash64() {
        assertThat(RateLimitKeys.general(Optional.empty(), "2001:db8:1:2:aaaa::1"))
                .isEqualTo(RateLimitKeys.general(Optional.empty(), "2001:db8:1:2:bbbb::9"))
                .isEqualTo("ratelimit:ip:2001:db8:1:2::/64");
        assertThat(RateLimitKeys.authByAddress("2001:db8:1:3::1")).isEqualTo("ratelimit:auth-ip:2001:db8:1:3::/64");
    }

    @Test
    void signInLimitsHaveBucketsOfTheirOwn() {
        assertThat(RateLimitKeys.authByAddress("198.51.100.1")).isEqualTo("ratelimit:auth-ip:198.51.100.1")
                .isNotEqualTo(RateLimitKeys.general(Optional.empty(), "198.51.100.1"));
    }

    @Test
    void anEmailBucketIgnoresCaseAndBlanksAndKeepsNoAddressInRedis() {
        String key = RateLimitKeys.authByEmail("Ada@Example.test");

        assertThat(RateLimitKeys.authByEmail("  ada@example.TEST ")).isEqualTo(key);
        assertThat(RateLimitKeys.authByEmail("bob@example.test")).isNotEqualTo(key);
        assertThat(key).startsWith("ratelimit:auth-email:").doesNotContainIgnoringCase("ada")
                .matches("ratelimit:auth-email:[0-9a-f]{32}");
    }
}
