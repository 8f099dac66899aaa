package app.covenant.support;

import app.covenant.platform.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * Real PostgreSQL databases for tests, created on the server of {@code TEST_DATABASE_URL}
 * (default: the local server, database {@code test}, user {@code postgres}) and dropped when the
 * test JVM ends, so parallel runs and developers' own data never clash.
 */
public final class TestDatabases {

    private static final String ADMIN_URL = System.getenv().getOrDefault("TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static volatile String shared;

    private TestDatabases() {
    }

    /** One database for all application contexts of this JVM (migrated by the first one). */
    public static synchronized String shared() {
        if (shared == null) {
            shared = createFresh();
        }
        return shared;
    }

    /** A new empty database, for tests that need one to themselves. Returns its JDBC URL. */
    public static String createFresh() {
        String name = "covenant_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
        return jdbcUrlFor(name);
    }

    public static void execute(String sql) {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not usable at " + serverOf(adminJdbcUrl())
                    + " (set TEST_DATABASE_URL): " + e.getMessage(), e);
        }
    }

    public static String databaseName(String jdbcUrl) {
        String withoutQuery = jdbcUrl.split("\\?", 2)[0];
        return withoutQuery.substring(withoutQuery.lastIndexOf('/') + 1);
    }

    public static Connection admin() throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse(ADMIN_URL);
        Properties properties = new Properties();
        if (url.username() != null) {
            properties.setProperty("user", url.username());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    private static String jdbcUrlFor(String name) {
        String jdbc = adminJdbcUrl();
        String[] parts = jdbc.split("\\?", 2);
        String base = parts[0].substring(0, parts[0].lastIndexOf('/') + 1) + name;
        return parts.length > 1 ? base + "?" + parts[1] : base;
    }

    private static String adminJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse(ADMIN_URL);
        String jdbc = url.jdbcUrl();
        if (url.username() != null && !jdbc.contains("user=")) {
            jdbc += (jdbc.contains("?") ? "&" : "?") + "user=" + url.username();
        }
        if (url.password() != null && !jdbc.contains("password=")) {
            jdbc += "&password=" + url.password();
        }
        return jdbc;
    }

    private static String serverOf(String jdbcUrl) {
        return jdbcUrl.split("\\?", 2)[0];
    }

    private static void dropQuietly(String name) {
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException ignored) {
            // The server may already be gone at JVM exit; a stray test database is harmless.
        }
    }
}
