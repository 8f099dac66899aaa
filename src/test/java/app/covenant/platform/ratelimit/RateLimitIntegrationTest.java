package app.covenant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.platform.config.RedisGuard;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole application on PostgreSQL and Redis, with small limits. The test client is the trusted
 * proxy, so each test speaks for clients of its own (random addresses in {@code X-Forwarded-For}) and
 * never shares a bucket with another test or another run — the Redis database is shared.
 */
@IntegrationTest
@TestPropertySource(properties = {"covenant.ratelimit.enabled=true", "covenant.ratelimit.per-minute=5",
        "covenant.ratelimit.auth-per-minute=3", "covenant.ratelimit.trusted-proxies=127.0.0.1,::1"})
class RateLimitIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    BucketStore buckets;

    @Value("${spring.data.redis.url}")
    String redisUrl;

    @Test
    void theFourthSignInFromOneAddressIsRefused() {
        String address = randomAddress();
        for (int i = 0; i < 3; i++) {
            ResponseEntity<JsonNode> attempt = login(unknownEmail(), address);
            assertThat(attempt.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(attempt.getHeaders().getFirst("RateLimit-Limit")).as("the general limit").isEqualTo("5");
        }

        ResponseEntity<JsonNode> refused = login(unknownEmail(), address);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(refused.getBody().get("status").asInt()).isEqualTo(429);
        assertThat(refused.getBody().get("type").asString()).isEqualTo("urn:covenant:problem:too-many-requests");
        assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 20L);
        assertThat(refused.getHeaders().getFirst("RateLimit-Limit")).isEqualTo("3");
        assertThat(refused.getHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.getHeaders().getFirst("RateLimit-Reset"))).isBetween(1L, 60L);

        assertThat(login(unknownEmail(), randomAddress()).getStatusCode())
                .as("another client").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void oneEmailIsLimitedAcrossAddresses() {
        String email = unknownEmail();
        for (int i = 0; i < 3; i++) {
            assertThat(login(email, randomAddress()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        String address = randomAddress();

        assertThat(login(email.toUpperCase(), address).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(login(unknownEmail(), address).getStatusCode())
                .as("the address itself is not limited").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post("/api/v1/auth/forgot-password", Map.of("email", email), randomAddress()).getStatusCode())
                .as("password reset shares the e-mail's bucket").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void aSignedInUsersLimitIsTheirsNotTheAddresses() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        String address = randomAddress();
        ResponseEntity<JsonNode> signedIn = login(tenant.email("USER"), TestTenants.PASSWORD, address);
        assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
        String token = signedIn.getBody().get("accessToken").asString();

        for (int i = 0; i < 5; i++) {
            ResponseEntity<JsonNode> me = me(token, i % 2 == 0 ? address : randomAddress());
            assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(me.getHeaders().getFirst("RateLimit-Remaining")).isEqualTo(String.valueOf(4 - i));
        }
        ResponseEntity<JsonNode> refused = me(token, randomAddress());

        assertThat(refused.getStatusCode()).as("the user's sixth request, from anywhere")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
        ResponseEntity<JsonNode> anonymous = status(address);
        assertThat(anonymous.getStatusCode()).as("someone else at the user's address").isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getHeaders().getFirst("RateLimit-Remaining"))
                .as("the address spent one request: the sign-in").isEqualTo("3");
    }

    @Test
    void bucketsLiveInRedisAndExpire() {
        String address = randomAddress();
        status(address);

        assertThat(buckets).isInstanceOf(RedisBucketStore.class);
        String key = "ratelimit:ip:" + address;
        assertThat(redis.hasKey(key)).isTrue();
        assertThat(redis.getExpire(key)).as("seconds to live: until full again, and a little").isBetween(1L, 70L);
    }

    @Test
    void everyNodeCountsInTheSameBuckets() {
        String address = randomAddress();
        RedisClient client = RedisClient.create(redisUrl);
        // Another node: its own connection to the same Redis, the same limit.
        try (RedisBucketStore otherNode = new RedisBucketStore(() -> client, Duration.ofSeconds(2),
                new RedisGuard(true, Duration.ofSeconds(10), java.time.Clock.systemUTC()), java.time.Clock.systemUTC())) {
            for (int i = 0; i < 3; i++) {
                assertThat(otherNode.tryConsume(RateLimitKeys.authByAddress(address),
                        Limit.perMinute(3).configuration()).isConsumed()).isTrue();
            }
            assertThat(login(unknownEmail(), address).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

            assertThat(status(address).getHeaders().getFirst("RateLimit-Remaining")).isEqualTo("3");
            assertThat(otherNode.tryConsume(RateLimitKeys.general(java.util.Optional.empty(), address),
                    Limit.perMinute(5).configuration()).getRemainingTokens()).isEqualTo(2);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void redisBucketsRefillWithTime() {
        RedisClient client = RedisClient.create(redisUrl);
        TestClock clock = new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String key = "ratelimit:test:" + UUID.randomUUID();
        try (RedisBucketStore store = new RedisBucketStore(() -> client, Duration.ofSeconds(2),
                new RedisGuard(true, Duration.ofSeconds(10), clock), clock)) {
            RateLimiter limiter = new RateLimiter(store, clock);
            Limit limit = Limit.perMinute(3);
            for (int i = 0; i < 3; i++) {
                assertThat(limiter.consume(key, limit).orElseThrow().allowed()).isTrue();
            }
            Verdict refused = limiter.consume(key, limit).orElseThrow();
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfterSeconds()).isEqualTo(20);

            clock.advance(Duration.ofSeconds(20));
            assertThat(limiter.consume(key, limit).orElseThrow().allowed()).isTrue();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void withRedisUnreachableRequestsPassAndConnectingWaits() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:1");
        AtomicInteger attempts = new AtomicInteger();
        TestClock clock = new TestClock(Instant.now());
        try (RedisBucketStore store = new RedisBucketStore(() -> {
            attempts.incrementAndGet();
            return client;
        }, Duration.ofMillis(200), new RedisGuard(true, RedisBucketStore.RECONNECT_PAUSE, clock), clock)) {
            RateLimiter limiter = new RateLimiter(store, clock);

            assertThat(limiter.consume("ratelimit:test:down", Limit.perMinute(1))).isEmpty();
            assertThat(limiter.consume("ratelimit:test:down", Limit.perMinute(1))).isEmpty();
            assertThat(attempts).as("no second connection attempt right away").hasValue(1);

            clock.advance(RedisBucketStore.RECONNECT_PAUSE);
            assertThat(limiter.consume("ratelimit:test:down", Limit.perMinute(1))).isEmpty();
            assertThat(attempts).hasValue(2);
        } finally {
            client.shutdown();
        }
    }

    private ResponseEntity<JsonNode> login(String email, String address) {
        return login(email, "not-the-password-at-all", address);
    }

    private ResponseEntity<JsonNode> login(String email, String password, String address) {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password), address);
    }

    private ResponseEntity<JsonNode> post(String path, Object body, String address) {
        HttpHeaders headers = SignIn.json(body).getHeaders();
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.addAll(headers);
        forwarded.set(ClientAddress.FORWARDED_FOR, address);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, forwarded), JsonNode.class);
    }

    private ResponseEntity<JsonNode> me(String token, String address) {
        HttpHeaders headers = SignIn.bearer(token);
        headers.set(ClientAddress.FORWARDED_FOR, address);
        return http.exchange("/api/v1/auth/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> status(String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(ClientAddress.FORWARDED_FOR, address);
        return http.exchange("/api/v1/system/status", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    /** An address no other test or run uses (within the minute a bucket lives). */
    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static String unknownEmail() {
        return "nobody-" + UUID.randomUUID() + "@example.test";
    }
}
