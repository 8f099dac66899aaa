package app.covenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import app.covenant.support.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default as a newcomer gets it: no variables, no services — an H2 file database
 * under the data directory (migrated), no Redis — and one journey through it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"DATA_DIR=target/smoke-data", "REDIS_URL=", "DATABASE_URL="})
@AutoConfigureTestRestTemplate
class EmbeddedDefaultSmokeTest {

    private static final Path DATA = Path.of("target/smoke-data");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectProvider<RedisConnectionFactory> redis;

    @BeforeAll
    static void startFromNothing() throws IOException {
        if (Files.exists(DATA)) {
            try (Stream<Path> files = Files.walk(DATA)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void runsOnH2WithoutRedisAndServesTheHomePageAndHealth() {
        assertThat(http.getForObject("/health", JsonNode.class).get("status").asString()).isEqualTo("ok");

        JsonNode status = http.getForObject("/api/v1/system/status", JsonNode.class);
        assertThat(status.get("mode").asString()).isEqualTo("embedded");
        assertThat(status.get("databaseUp").asBoolean()).isTrue();
        assertThat(status.get("redis").asString()).isEqualTo("off");
        assertThat(redis.getIfAvailable()).as("no Redis connection factory without REDIS_URL").isNull();
        assertThat(DATA.resolve("covenant.mv.db")).exists();

        assertThat(http.getForEntity("/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        // The demo users of API.md exist on the embedded default only.
        String token = SignIn.tokens(http, "admin@covenant.test", "Covenant-Demo-2026").get("accessToken").asString();
        JsonNode me = SignIn.get(http, "/api/v1/auth/me", token).getBody();
        assertThat(me.get("organization").get("code").asString()).isEqualTo("DEMO");
        assertThat(me.get("roles").get(0).asString()).isEqualTo("ADMIN");
        assertThat(SignIn.get(http, "/api/v1/users?size=50", token).getBody().get("page").get("totalElements").asInt())
                .isEqualTo(10);
        // Members are searched and sorted in SQL of their own (MemberViews): on H2 too, "_" is no wildcard.
        assertThat(SignIn.get(http, "/api/v1/users?q=legal&sort=lastSignInAt,desc", token).getBody().get("page")
                .get("totalElements").asInt()).isEqualTo(2);
        assertThat(SignIn.get(http, "/api/v1/users?q=legal_", token).getBody().get("page").get("totalElements").asInt())
                .isZero();
        assertThat(SignIn.get(http, "/api/v1/nothing-here", token).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/v1/nothing-here", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
