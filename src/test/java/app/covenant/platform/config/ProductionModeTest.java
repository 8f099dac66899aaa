package app.covenant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.CovenantApplication;
import app.covenant.support.ProbeController;
import app.covenant.support.TestDatabases;
import app.covenant.support.TestServers;
import app.covenant.support.TestTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code APP_ENV=production}: strict configuration, PostgreSQL from DATABASE_URL, JSON logs, HSTS. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionModeTest {

    private static final String STRONG = "k9F2mQ7xP4vL8zR1tW6yB3nH5jD0sG2cV7aE9uI4oK1";
    private static final String SEAL_PASSWORD = "seal-keystore-pass";
    private static final Path SEAL_KEYSTORE = sealKeystore();

    /** An organization's seal as production configures it: a PKCS#12 file with a key and its certificate. */
    private static Path sealKeystore() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            java.security.KeyPair pair = generator.generateKeyPair();
            org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=Covenant production test seal");
            java.time.Instant now = java.time.Instant.now();
            java.security.cert.X509Certificate certificate = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                    .getCertificate(new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name,
                            java.math.BigInteger.valueOf(now.toEpochMilli()), java.util.Date.from(now.minusSeconds(60)),
                            java.util.Date.from(now.plusSeconds(86_400)), name, pair.getPublic())
                            .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                                    .build(pair.getPrivate())));
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("seal", pair.getPrivate(), SEAL_PASSWORD.toCharArray(),
                    new java.security.cert.Certificate[] {certificate});
            Path file = java.nio.file.Files.createTempFile("covenant-seal", ".p12");
            file.toFile().deleteOnExit();
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                store.store(out, SEAL_PASSWORD.toCharArray());
            }
            return file;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the test seal keystore", e);
        }
    }

    @Test
    void refusesToStartNamingEveryMissingVariable(CapturedOutput output) {
        assertThatThrownBy(() -> start("--APP_ENV=production"))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(error -> assertThat(((InvalidConfigurationException) error).problems())
                        .anySatisfy(problem -> assertThat(problem).startsWith("DATABASE_URL is required"))
                        .anySatisfy(problem -> assertThat(problem).startsWith("JWT_SECRET is required"))
                        .anySatisfy(problem -> assertThat(problem).startsWith("ENCRYPTION_KEY is required"))
                        .anySatisfy(problem -> assertThat(problem).startsWith("ENCRYPTION_SALT is required"))
                        .anySatisfy(problem -> assertThat(problem).startsWith("FRONTEND_URL is required"))
                        .anySatisfy(problem -> assertThat(problem).startsWith("SIGNATURES_SEAL_KEYSTORE is required")));
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("JWT_SECRET is required");
    }

    @Test
    void refusesWeakSecrets() {
        assertThatThrownBy(() -> start(withSecrets("--APP_ENV=production",
                "--DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test",
                "--JWT_SECRET=short",
                "--ENCRYPTION_KEY=change-me-change-me-change-me-change-me",
                "--ENCRYPTION_SALT=aaaaaaaaaaaaaaaaaaaaaaaa",
                "--FRONTEND_URL=covenant.example.com")))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(error -> assertThat(((InvalidConfigurationException) error).problems())
                        .containsExactlyInAnyOrder(
                                "JWT_SECRET is too short: at least 32 characters are required (generate one with: openssl rand -base64 48)",
                                "ENCRYPTION_KEY looks like a placeholder: use a random value (openssl rand -base64 48)",
                                "ENCRYPTION_SALT is too predictable: it repeats too few different characters",
                                "FRONTEND_URL must be an absolute https:// URL such as https://covenant.example.com"));
    }

    @Test
    void aMalformedDatabaseUrlIsNamedToo() {
        assertThatThrownBy(() -> start(withSecrets("--APP_ENV=production", "--DATABASE_URL=mysql://db/covenant")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("DATABASE_URL must start with postgresql://");
    }

    @Test
    void migratesPostgresqlFromTheSourceGuidesUrlAndLogsJson(CapturedOutput output) throws Exception {
        String database = TestDatabases.databaseName(TestDatabases.createFresh());
        String databaseUrl = TestDatabases.databaseUrl(database,
                "schema=public&connection_limit=4&pool_timeout=5&sslmode=disable");

        try (ConfigurableApplicationContext context = start(withSecrets("--APP_ENV=production",
                "--DATABASE_URL=" + databaseUrl, "--REDIS_URL=" + TestServers.redis(),
                "--PORT=0", "--MANAGEMENT_PORT=0"))) {
            assertThat(context.getEnvironment().getActiveProfiles()).contains("production");
            assertThat(context.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size"))
                    .isEqualTo("4");
            assertThat(appliedMigrations(database)).contains("1", "1.1");

            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> health = get(port, "/health", "prod-check-1");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
            String token = signIn(context, port);
            HttpResponse<String> logged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/test-probe/log?message=json-log-check"))
                    .header("X-Correlation-ID", "prod-check-2").header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(logged.statusCode()).isEqualTo(204);
            assertThat(get(port, "/api/docs.json", "prod-docs-1").statusCode())
                    .as("the API description needs sign-in in production").isEqualTo(401);
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/docs.json"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);

            int managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
            assertThat(managementPort).isNotEqualTo(port);
            HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus", "prod-check-3");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("http_server_requests_seconds");
            assertThat(get(port, "/actuator/prometheus", "prod-check-4").statusCode())
                    .as("metrics are not served to the public port").isNotEqualTo(200);
        }

        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> lines = new ArrayList<>();
        output.getOut().lines().filter(line -> line.startsWith("{")).forEach(line -> lines.add(json.readTree(line)));
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(line.has("timestamp") && line.has("level")
                && line.has("logger") && line.has("message")).as(line.toString()).isTrue());
        assertThat(lines).filteredOn(line -> "json-log-check".equals(line.path("message").asString()))
                .singleElement()
                .satisfies(line -> assertThat(line.get("traceId").asString()).isEqualTo("prod-check-2"));
        assertThat(output.getOut()).doesNotContain("APPLICATION FAILED TO START");
    }

    private static String signIn(ConfigurableApplicationContext context, int port) throws Exception {
        TestTenants.Tenant tenant = TestTenants.create(context.getBean(JdbcTemplate.class));
        String body = "{\"email\":\"" + tenant.email("ADMIN") + "\",\"password\":\"" + TestTenants.PASSWORD + "\"}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).get("accessToken").asString();
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(CovenantApplication.class, ProbeController.class).run(args);
    }

    private static String[] withSecrets(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        List.of("--JWT_SECRET=" + STRONG, "--ENCRYPTION_KEY=" + STRONG.toUpperCase(),
                        "--ENCRYPTION_SALT=Q4w8E2r6T1y5U9i3", "--FRONTEND_URL=https://covenant.example.com",
                        "--SIGNATURES_SEAL_KEYSTORE=" + SEAL_KEYSTORE, "--SIGNATURES_SEAL_PASSWORD=" + SEAL_PASSWORD).stream()
                .filter(secret -> all.stream().noneMatch(arg -> arg.startsWith(secret.substring(0, secret.indexOf('=') + 1))))
                .forEach(all::add);
        return all.toArray(String[]::new);
    }

    private static List<String> appliedMigrations(String database) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection connection = TestDatabases.connect(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select version from flyway_schema_history where success order by installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static HttpResponse<String> get(int port, String path, String correlationId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Correlation-ID", correlationId).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
