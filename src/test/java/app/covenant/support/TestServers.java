package app.covenant.support;

import app.covenant.platform.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import redis.embedded.RedisServer;

/**
 * The PostgreSQL and Redis servers the tests use: the configured ones ({@code TEST_DATABASE_URL},
 * {@code TEST_REDIS_URL}, by default the local servers) when something answers there, otherwise real
 * servers started for this JVM — PostgreSQL 17 from Maven Central's zonky binaries, Redis 6.2 from
 * embedded-redis — so {@code ./mvnw verify} needs no services on a fresh machine. Never H2 or a mock.
 *
 * <p>Each is started at most once per JVM and stopped when the JVM exits, after the Spring contexts'
 * own shutdown hooks have finished: stopping a server under a context still closing would make it wait
 * out connection timeouts, and surefire kills a fork that does not exit in time.
 */
public final class TestServers {

    static final String DEFAULT_POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String DEFAULT_REDIS = "redis://127.0.0.1:6379/9";
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
    private static final Duration SPRING_SHUTDOWN_WAIT = Duration.ofSeconds(20);
    private static final Duration HOOKS_STARTING = Duration.ofMillis(200);
    private static final Path LOGS = Path.of("target");

    private static String postgresql;
    private static String redis;

    private TestServers() {
    }

    /** The administrative URL of the PostgreSQL server for tests (any form {@link DatabaseUrl} reads). */
    public static synchronized String postgresql() {
        if (postgresql == null) {
            String configured = System.getenv().getOrDefault("TEST_DATABASE_URL", DEFAULT_POSTGRESQL);
            URI address = URI.create(DatabaseUrl.parse(configured).jdbcUrl().substring("jdbc:".length()));
            int port = address.getPort() < 0 ? 5432 : address.getPort();
            if (answers(address.getHost(), port)) {
                postgresql = configured;
            } else {
                announce("No PostgreSQL answers at " + address.getHost() + ":" + port
                        + " (TEST_DATABASE_URL): starting one for this test run");
                postgresql = startPostgresql();
            }
        }
        return postgresql;
    }

    /** The Redis URL for tests (database 9 of the configured server, or of a server of this JVM). */
    public static synchronized String redis() {
        if (redis == null) {
            String configured = System.getenv().getOrDefault("TEST_REDIS_URL", DEFAULT_REDIS);
            URI address = URI.create(configured);
            int port = address.getPort() < 0 ? 6379 : address.getPort();
            if (answers(address.getHost(), port)) {
                redis = configured;
            } else {
                announce("No Redis answers at " + address.getHost() + ":" + port
                        + " (TEST_REDIS_URL): starting one for this test run");
                redis = startRedis();
            }
        }
        return redis;
    }

    /** Straight to stderr: Spring Boot mutes logging until a context has set it up, and Redis is looked up before. */
    private static void announce(String message) {
        System.err.println("INFO: " + message);
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String startPostgresql() {
        try {
            Files.createDirectories(LOGS);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setOutputRedirector(Redirect.appendTo(LOGS.resolve("embedded-postgresql.log").toFile()))
                    .setErrorRedirector(Redirect.appendTo(LOGS.resolve("embedded-postgresql.log").toFile()))
                    .start();
            stopAtExit("embedded PostgreSQL", server::close);
            return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres?user=postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL answers for tests and the embedded one did not start", e);
        }
    }

    private static String startRedis() {
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(false)
                    .build();
            server.start();
            stopAtExit("embedded Redis", server::stop);
            return "redis://127.0.0.1:" + port + "/9";
        } catch (IOException e) {
            throw new UncheckedIOException("No Redis answers for tests and the embedded one did not start", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private interface Stop {
        void run() throws IOException;
    }

    private static void stopAtExit(String name, Stop stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitSpringShutdownHooks();
            try {
                stop.run();
            } catch (IOException | RuntimeException e) {
                System.err.println("Could not stop the " + name + " of the tests: " + e.getMessage());
            }
        }, "TestServersShutdown"));
    }


    /** Spring names its hooks SpringApplicationShutdownHook and SpringContextShutdownHook. */
    private static void awaitSpringShutdownHooks() {
        try {
            // The JVM starts all hooks at once: give the others a moment to be running before looking.
            Thread.sleep(HOOKS_STARTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long deadline = System.nanoTime() + SPRING_SHUTDOWN_WAIT.toNanos();
        List<Thread> hooks = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("Spring") && thread.getName().endsWith("ShutdownHook"))
                .toList();
        for (Thread hook : hooks) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                hook.join(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
