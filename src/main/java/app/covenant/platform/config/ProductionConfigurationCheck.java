package app.covenant.platform.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In production, refuses to start while a required variable is missing or weak, naming each one.
 * Runs before any bean exists, so nothing half-starts (no pool, no migration) with a bad setup; the
 * refusal itself waits for logging (see {@link DeferredConfigurationFailure}).
 */
class ProductionConfigurationCheck implements EnvironmentPostProcessor, Ordered {

    static final String PRODUCTION_PROFILE = "production";

    private static final List<String> PLACEHOLDER_WORDS =
            List.of("change", "replace", "example", "secret", "password", "placeholder", "your");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        required(environment, "DATABASE_URL", problems);
        strongSecret(environment, "JWT_SECRET", 32, problems);
        strongSecret(environment, "ENCRYPTION_KEY", 32, problems);
        strongSecret(environment, "ENCRYPTION_SALT", 16, problems);
        httpsUrl(environment, "FRONTEND_URL", problems);
        sealKeystore(environment, problems);
        if (!problems.isEmpty()) {
            DeferredConfigurationFailure.defer(environment, new InvalidConfigurationException(problems));
        }
    }

    private static String required(ConfigurableEnvironment environment, String variable, List<String> problems) {
        String value = environment.getProperty(variable);
        if (value == null || value.isBlank()) {
            problems.add(variable + " is required in production but is not set");
            return null;
        }
        return value.trim();
    }

    private static void strongSecret(ConfigurableEnvironment environment, String variable, int minimumLength,
                                     List<String> problems) {
        String value = required(environment, variable, problems);
        if (value == null) {
            return;
        }
        if (value.length() < minimumLength) {
            problems.add(variable + " is too short: at least " + minimumLength + " characters are required (generate one with: openssl rand -base64 48)");
            return;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_WORDS.stream().anyMatch(lower::contains)) {
            problems.add(variable + " looks like a placeholder: use a random value (openssl rand -base64 48)");
            return;
        }
        if (value.chars().distinct().count() < 10) {
            problems.add(variable + " is too predictable: it repeats too few different characters");
        }
    }

    /**
     * Links in e-mails (invitations, password resets) carry single-use tokens, and production's session
     * cookies are Secure: the public address must be HTTPS, localhost included (outside production the
     * default {@code http://localhost:8080} stays).
     */
    private static void httpsUrl(ConfigurableEnvironment environment, String variable, List<String> problems) {
        String value = required(environment, variable, problems);
        if (value == null) {
            return;
        }
        try {
            URI uri = URI.create(value);
            if ("http".equals(uri.getScheme()) && uri.getHost() != null) {
                problems.add(variable + " must use https:// in production (links in e-mails carry sign-in tokens): "
                        + value);
            } else if (uri.getHost() == null || !"https".equals(uri.getScheme())) {
                problems.add(variable + " must be an absolute https:// URL such as https://covenant.example.com");
            }
        } catch (IllegalArgumentException e) {
            problems.add(variable + " is not a valid URL");
        }
    }

    /**
     * Completed signed PDFs are sealed with the organization's own certificate in production: the self-signed one
     * generated on the embedded default shows as an unknown signer in every PDF reader.
     */
    private static void sealKeystore(ConfigurableEnvironment environment, List<String> problems) {
        String value = environment.getProperty("SIGNATURES_SEAL_KEYSTORE");
        if (value == null || value.isBlank()) {
            value = environment.getProperty("covenant.signatures.seal-keystore");
        }
        if (value == null || value.isBlank()) {
            problems.add("SIGNATURES_SEAL_KEYSTORE is required in production but is not set: a PKCS#12 file with the key "
                    + "and certificate that seal completed signed PDFs (its password in SIGNATURES_SEAL_PASSWORD)");
        }
        // Whether the file is there is the seal's own check (SealKey): the migrations job runs this check
        // without the keystore mounted.
    }

    @Override
    public int getOrder() {
        // After config data (so profiles from application.yml / APP_ENV are known), before the others.
        return Ordered.LOWEST_PRECEDENCE - 20;
    }
}
