package app.covenant.platform.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestDatabaseInitializer;
import app.covenant.support.TestTenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;

/**
 * Redis stops under a running node (a real Redis server of this test's own, never the shared one):
 * sign-in and signed-in requests keep answering at once, a revoked token stays refused (the database
 * holds revocations), lockout keeps counting (in memory), rate limits let requests pass, readiness
 * says {@code degraded} — and when Redis is back, the node uses it again without a restart.
 */
@IntegrationTest
@ContextConfiguration(initializers = {TestDatabaseInitializer.class, RedisOutageTest.OwnRedis.class})
@TestPropertySource(properties = {"covenant.platform.redis-retry-after=1s", "covenant.ratelimit.enabled=true",
        "covenant.ratelimit.per-minute=100000", "covenant.ratelimit.auth-per-minute=100000"})
@DirtiesContext
class RedisOutageTest {

    // A request that hangs on Redis (a client's default command timeout is a minute) fails this; a sign-in that meets
    // one 500 ms timeout plus its BCrypt on two busy cores does not (2.7 s seen while other builds ran).
    private static final Duration QUICK = Duration.ofSeconds(5);
    static final int PORT = freePort();
    static final RedisServer REDIS = redisServer();

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    /** Started once the application runs (it needs no Redis to start), so it lives only as long as the test. */
    @BeforeEach
    void startRedis() throws IOException {
        if (!REDIS.isActive()) {
            REDIS.start();
        }
    }

    @AfterAll
    static void stopRedis() throws IOException {
        if (REDIS.isActive()) {
            REDIS.stop();
        }
    }

    @Test
    void theNodeServesQuicklyWithoutRedisAndUsesItAgainWhenItIsBack() throws IOException {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        // Redis is in use: a failed sign-in is counted there.
        assertThat(login(tenant.email("MANAGER"), "wrong-password-0").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(redis.opsForValue().get("lockout:" + tenant.email("MANAGER"))).isEqualTo("1");
        JsonNode revokedBeforeOutage = SignIn.tokens(http, tenant.email("BROKER"), TestTenants.PASSWORD);
        String revokedAccess = revokedBeforeOutage.get("accessToken").asString();
        assertThat(SignIn.post(http, "/api/v1/auth/logout", null, revokedAccess).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        REDIS.stop();

        // Signing in and signed-in requests answer at once, again and again.
        for (int i = 0; i < 3; i++) {
            JsonNode tokens = quickly(() -> SignIn.tokens(http, tenant.email("USER"), TestTenants.PASSWORD));
            String access = tokens.get("accessToken").asString();
            assertThat(quickly(() -> SignIn.get(http, "/api/v1/auth/me", access)).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        // Revocations come from the database: one revoked before the outage, one during it.
        assertThat(quickly(() -> SignIn.get(http, "/api/v1/auth/me", revokedAccess)).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        String access = SignIn.accessToken(http, tenant.email("USER"));
        assertThat(quickly(() -> SignIn.post(http, "/api/v1/auth/logout", null, access)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(quickly(() -> SignIn.get(http, "/api/v1/auth/me", access)).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        // Lockout still counts, in this node's memory.
        for (int attempt = 1; attempt <= 5; attempt++) {
            String password = "wrong-password-" + attempt;
            assertThat(quickly(() -> login(tenant.email("LEGAL_MANAGER"), password)).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<JsonNode> locked = quickly(() -> login(tenant.email("LEGAL_MANAGER"), TestTenants.PASSWORD));
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.LOCKED);
        assertThat(locked.getHeaders().getFirst("Retry-After")).isNotBlank();

        // Degraded, not down: the node stays in the load balancer.
        ResponseEntity<JsonNode> readiness = quickly(() -> http.getForEntity("/health/readiness", JsonNode.class));
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody().get("status").asString()).isEqualTo("degraded");
        assertThat(readiness.getBody().get("redis").asString()).isEqualTo("degraded");
        assertThat(quickly(() -> http.getForObject("/api/v1/system/status", JsonNode.class)).get("redis").asString())
                .isEqualTo("degraded");
        assertThat(quickly(() -> http.getForEntity("/health", JsonNode.class)).getStatusCode()).isEqualTo(HttpStatus.OK);

        REDIS.start();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                http.getForEntity("/health/readiness", JsonNode.class).getBody().get("status").asString()).isEqualTo("ok"));
        assertThat(http.getForObject("/api/v1/system/status", JsonNode.class).get("redis").asString()).isEqualTo("connected");
        assertThat(login(tenant.email("FINANCE_MANAGER"), "wrong-password-0").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(redis.opsForValue().get("lockout:" + tenant.email("FINANCE_MANAGER")))
                .as("failures are counted in Redis again").isEqualTo("1");
        String afterwards = SignIn.accessToken(http, tenant.email("USER"));
        SignIn.post(http, "/api/v1/auth/logout", null, afterwards);
        assertThat(redis.keys("blacklist:*")).as("revocations are cached in Redis again").isNotEmpty();
        assertThat(SignIn.get(http, "/api/v1/auth/me", afterwards).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> login(String email, String password) {
        return http.postForEntity("/api/v1/auth/login", SignIn.json(Map.of("email", email, "password", password)),
                JsonNode.class);
    }

    private static <T> T quickly(Supplier<T> request) {
        long started = System.nanoTime();
        T answer = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered without waiting for Redis")
                .isLessThan(QUICK);
        return answer;
    }

    private static RedisServer redisServer() {
        try {
            return RedisServer.newRedisServer().port(PORT).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points this context at the test's own Redis instead of the shared one. */
    static class OwnRedis implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.data.redis.url=redis://127.0.0.1:" + PORT).applyTo(context.getEnvironment());
        }
    }
}
