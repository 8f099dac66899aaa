package app.covenant.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.covenant.platform.config.DatabaseUrl;
import java.net.URI;
import java.net.URLEncoder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * Real PostgreSQL databases for tests, created on the server of {@code TEST_DATABASE_URL}
 * (default: the local server, database {@code test}, user {@code postgres}; where nothing answers, a
 * server of this JVM, see {@link TestServers}), one set per test JVM, so parallel runs and developers'
 * own data never clash.
 *
 * <p>They are not dropped when the JVM ends: shutdown hooks run together, and a drop racing the Spring
 * contexts still closing made every context wait out its connection timeouts (surefire then killed the
 * fork). Instead each run first drops the test databases of earlier runs: older than an hour (the
 * creation time is in the name) and with nobody connected.
 */
public final class TestDatabases {

    private static final String PREFIX = "covenant_test_";
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);
    private static volatile String shared;
    private static boolean swept;

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
        sweepLeftoversOnce();
        String name = PREFIX + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return jdbcUrlFor(name);
    }

    private static synchronized void sweepLeftoversOnce() {
        if (swept) {
            return;
        }
        swept = true;
        long cutoff = Instant.now().minus(LEFTOVER_AGE).getEpochSecond();
        List<String> idle = new ArrayList<>();
        try (Connection connection = admin(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select datname from pg_database d where datname like '"
                     + PREFIX.replace("_", "\\_") + "%' and not exists "
                     + "(select 1 from pg_stat_activity a where a.datname = d.datname)")) {
            while (rows.next()) {
                idle.add(rows.getString(1));
            }
        } catch (SQLException e) {
            return;
        }
        idle.stream().filter(name -> createdBefore(name, cutoff)).forEach(TestDatabases::dropQuietly);
    }

    /** Names without a creation time come from before this scheme and are leftovers too. */
    private static boolean createdBefore(String name, long epochSecond) {
        String[] parts = name.substring(PREFIX.length()).split("_");
        try {
            return parts.length < 2 || Long.parseLong(parts[0]) < epochSecond;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    public static void execute(String sql) {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not usable at " + serverOf(adminJdbcUrl())
                    + " (set TEST_DATABASE_URL): " + e.getMessage(), e);
        }
    }

    /**
     * The database in the source guides' {@code DATABASE_URL} form
     * ({@code postgresql://user[:password]@host:port/name?query}), as an operator would write it.
     */
    public static String databaseUrl(String name, String query) {
        DatabaseUrl admin = DatabaseUrl.parse(TestServers.postgresql());
        URI server = URI.create(admin.jdbcUrl().substring("jdbc:".length()));
        String user = admin.username() != null ? admin.username() : parameter(server.getQuery(), "user", "postgres");
        String password = admin.password() != null ? admin.password() : parameter(server.getQuery(), "password", null);
        String credentials = URLEncoder.encode(user, UTF_8)
                + (password == null ? "" : ":" + URLEncoder.encode(password, UTF_8));
        int port = server.getPort() < 0 ? 5432 : server.getPort();
        return "postgresql://" + credentials + "@" + server.getHost() + ":" + port + "/" + name
                + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    private static String parameter(String query, String name, String fallback) {
        if (query == null) {
            return fallback;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    public static String databaseName(String jdbcUrl) {
        String withoutQuery = jdbcUrl.split("\\?", 2)[0];
        return withoutQuery.substring(withoutQuery.lastIndexOf('/') + 1);
    }

    public static Connection admin() throws SQLException {
        return connect(DatabaseUrl.parse(TestServers.postgresql()).jdbcUrl());
    }

    /** A connection to one of the test databases, by name or JDBC URL. */
    public static Connection connect(String nameOrJdbcUrl) throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse(TestServers.postgresql());
        String jdbcUrl = nameOrJdbcUrl.startsWith("jdbc:") ? nameOrJdbcUrl : jdbcUrlFor(nameOrJdbcUrl);
        Properties properties = new Properties();
        if (url.username() != null) {
            properties.setProperty("user", url.username());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    private static String jdbcUrlFor(String name) {
        String jdbc = adminJdbcUrl();
        String[] parts = jdbc.split("\\?", 2);
        String base = parts[0].substring(0, parts[0].lastIndexOf('/') + 1) + name;
        return parts.length > 1 ? base + "?" + parts[1] : base;
    }

    private static String adminJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse(TestServers.postgresql());
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
            // Without FORCE: a database someone has just connected to is left for a later sweep.
            execute("DROP DATABASE IF EXISTS " + name);
        } catch (RuntimeException ignored) {
            // In use after all, or dropped by a parallel run's sweep: harmless either way.
        }
    }
}
