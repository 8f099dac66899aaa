package app.covenant.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.CovenantApplication;
import app.covenant.platform.config.InvalidConfigurationException;
import app.covenant.support.TestDatabases;
import app.covenant.support.TestServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code .env.production.template} as an operator uses it: copied, only the required values filled in,
 * handed to the application as its environment variables (and nothing else of this machine's). It
 * must start, answer {@code /health}, and write nothing but JSON lines to stdout — the refusal of a bad
 * configuration included.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionFromTemplateTest {

    private static final Path TEMPLATE = Path.of(".env.production.template");
    private static final Pattern ENTRY = Pattern.compile("^([A-Z][A-Z0-9_]*)=(.*)$");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEAL_PASSWORD = "Seal-Test-Password-2026";

    @Test
    void startsWithOnlyTheRequiredValuesFilledAndLogsOnlyJson(CapturedOutput output) throws Exception {
        Map<String, String> variables = templateWithRequiredValues();
        variables.put("DATABASE_URL", TestDatabases.databaseUrl(
                TestDatabases.databaseName(TestDatabases.createFresh()), "connection_limit=3"));
        variables.put("REDIS_URL", TestServers.redis());

        try (ConfigurableApplicationContext context = start(variables)) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
        }

        assertOnlyJsonLines(output);
        assertThat(output.getOut()).contains("\"message\":\"Started ");
    }

    @Test
    void refusesAnHttpFrontendUrlInAJsonReport(CapturedOutput output) throws Exception {
        Map<String, String> variables = templateWithRequiredValues();
        variables.put("FRONTEND_URL", "http://covenant.example.com");

        assertThatThrownBy(() -> start(variables).close())
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(error -> assertThat(((InvalidConfigurationException) error).problems())
                        .containsExactly("FRONTEND_URL must use https:// in production (links in e-mails carry "
                                + "sign-in tokens): http://covenant.example.com"));

        assertOnlyJsonLines(output);
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START").contains("FRONTEND_URL must use https://");
    }

    /** The template's lines, with the values its header calls required filled in as an operator would. */
    private static Map<String, String> templateWithRequiredValues() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TEMPLATE)) {
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                variables.put(entry.group(1), entry.group(2));
            }
        }
        variables.put("DATABASE_URL", "postgresql://covenant@db.invalid/covenant");
        variables.put("JWT_SECRET", "q7Vt2bXe9LmRk4sWz8PnYc3HfJd6Ga1U");
        variables.put("ENCRYPTION_KEY", "Hs5Kd8Qm2Wx7Rb4Tn9Pv6Yc3Lf1Zg0Ja");
        variables.put("ENCRYPTION_SALT", "u4Ne8Kq2Rw6Ty1Zp");
        variables.put("FRONTEND_URL", "https://covenant.example.com");
        variables.put("ADMIN_EMAIL", "first.admin@example.com");
        // Test-machine adjustments, not configuration: free ports, and a data directory that is not the image's.
        variables.put("PORT", "0");
        variables.put("MANAGEMENT_PORT", "0");
        variables.put("DATA_DIR", "target/production-template-data");
        variables.put("SIGNATURES_SEAL_KEYSTORE", sealKeystore().toString());
        variables.put("SIGNATURES_SEAL_PASSWORD", SEAL_PASSWORD);
        return variables;
    }

    /** The seal key an operator makes before the first start (the template says how); keytool instead of openssl. */
    private static Path sealKeystore() throws IOException {
        Path keystore = Path.of("target/production-template-data/signatures-seal.p12").toAbsolutePath();
        if (Files.notExists(keystore)) {
            Files.createDirectories(keystore.getParent());
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "seal", "-keyalg", "RSA", "-keysize", "2048", "-validity", "365",
                    "-dname", "CN=Covenant seal test", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", SEAL_PASSWORD, "-keypass", SEAL_PASSWORD).redirectErrorStream(true).start();
            String said = new String(keytool.getInputStream().readAllBytes());
            try {
                assertThat(keytool.waitFor()).as("keytool: %s", said).isZero();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        return keystore;
    }

    private static ConfigurableApplicationContext start(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.copyOf(variables)));
        return new SpringApplicationBuilder(CovenantApplication.class).environment(environment).run();
    }

    private static boolean isJsonLogLine(String line) {
        try {
            JsonNode parsed = JSON.readTree(line);
            return parsed.isObject() && parsed.has("level") && parsed.has("message");
        } catch (JacksonException e) {
            return false;
        }
    }

    private static void assertOnlyJsonLines(CapturedOutput output) {
        List<String> lines = output.getOut().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(isJsonLogLine(line)).as("a JSON log line: %s", line).isTrue());
    }
}
