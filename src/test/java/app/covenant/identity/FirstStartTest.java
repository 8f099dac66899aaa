package app.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.TestDatabases;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * An empty PostgreSQL database with {@code ADMIN_EMAIL}: the organization is created and the first
 * super administrator invited by link — e-mailed and logged once — with no password anywhere.
 */
@IntegrationTest
@ContextConfiguration(initializers = FirstStartTest.EmptyDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    static final String URL = TestDatabases.createFresh();
    private static final Pattern LINK = Pattern.compile("open (http\\S+/accept-invite\\?token=([A-Za-z0-9_-]+))");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void invitesTheFirstSuperAdministratorWhoThenSignsIn(CapturedOutput output) {
        assertThat(jdbc.queryForObject("select code from organizations", String.class)).isEqualTo("ACME");
        assertThat(jdbc.queryForObject("select password_hash from users", String.class)).isNull();
        // No module's demo records either: they follow identity's demo people, on the embedded H2 database only.
        for (String table : List.of("insurance_contractors", "insurance_projects", "insurance_cois", "insurance_brokers")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class)).as(table).isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from email_outbox where to_address = 'owner@acme.example'",
                Integer.class)).isEqualTo(1);

        Matcher link = LINK.matcher(output.getAll());
        assertThat(link.find()).as("the invitation link is logged once at WARN").isTrue();
        assertThat(output.getAll().split("accept-invite\\?token=", -1)).hasSize(2);

        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/v1/auth/accept-invite", json(Map.of(
                "token", link.group(2), "name", "Olive Owner", "password", "First-of-many-passphrases-9")), JsonNode.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody().get("user").get("roles").get(0).asString()).isEqualTo("SUPER_ADMIN");
    }

    private static org.springframework.http.HttpEntity<Object> json(Object body) {
        return app.covenant.support.SignIn.json(body);
    }

    static class EmptyDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.datasource.url=" + URL, "ADMIN_EMAIL=owner@acme.example",
                    "ORG_NAME=Acme Builders", "ORG_CODE=ACME").applyTo(context.getEnvironment());
        }
    }
}
