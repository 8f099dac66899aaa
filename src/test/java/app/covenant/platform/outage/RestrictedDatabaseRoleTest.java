package app.covenant.platform.outage;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.CovenantApplication;
import app.covenant.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No DDL at start outside Flyway: the owner migrates (the {@code --migrate-only} step), then the application
 * starts and serves as a role that is no superuser and owns nothing — it may only read and write rows.
 */
class RestrictedDatabaseRoleTest {

    private static final String ROLE = "covenant_app_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private static String database;

    @BeforeAll
    static void migrateAsOwnerAndGrantRowsOnly() throws SQLException {
        database = TestDatabases.createFresh();
        Flyway.configure().dataSource(database, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        TestDatabases.execute("CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
        try (Connection owner = DriverManager.getConnection(database); Statement sql = owner.createStatement()) {
            sql.execute("GRANT CONNECT ON DATABASE " + TestDatabases.databaseName(database) + " TO " + ROLE);
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            sql.execute("GRANT USAGE ON SCHEMA public TO " + ROLE);
            sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + ROLE);
            sql.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + ROLE);
        }
    }

    @AfterAll
    static void dropRole() throws SQLException {
        try (Connection owner = DriverManager.getConnection(database); Statement sql = owner.createStatement()) {
            sql.execute("DROP OWNED BY " + ROLE);
            sql.execute("DROP ROLE " + ROLE);
        }
    }

    @Test
    void theApplicationStartsAndServesAsARoleThatMayOnlyReadAndWriteRows() throws Exception {
        String asRole = database.replace("user=postgres", "user=" + ROLE);
        assertThat(asRole).contains("user=" + ROLE);
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(CovenantApplication.class)
                .profiles("test").run("--spring.datasource.url=" + asRole, "--server.port=0", "--REDIS_URL=")) {
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
                    .isFalse();
            assertThat(jdbc.queryForObject("select count(*) from pg_tables where schemaname = 'public' "
                    + "and tableowner = current_user", Long.class)).as("tables the application owns").isZero();

            int port = Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"nobody@example.test\",\"password\":\"x\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("a request that writes (audit of the failed sign-in)").isEqualTo(401);
        }
    }
}
