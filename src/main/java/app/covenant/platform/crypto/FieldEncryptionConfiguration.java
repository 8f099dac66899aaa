package app.covenant.platform.crypto;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Chooses the keys: {@code ENCRYPTION_KEY} when set (always in production), else the local key file. */
@Configuration(proxyBeanMethods = false)
class FieldEncryptionConfiguration {

    @Bean
    FieldEncryptor fieldEncryptor(FieldEncryptionProperties properties, Environment environment) {
        KeySecret current = properties.hasKey() ? new KeySecret(properties.key(), properties.salt())
                : localKey(environment, properties.localKeyDirectory());
        return new FieldEncryptor(current,
                properties.previousKeys().stream().map(entry -> KeySecret.previous(entry, current.salt())).toList());
    }

    private static KeySecret localKey(Environment environment, Path dataDirectory) {
        // ProductionConfigurationCheck vouches for ENCRYPTION_KEY; this catches it not reaching covenant.crypto.key,
        // which would otherwise give every node its own key and make their values unreadable to each other.
        if (environment.acceptsProfiles(Profiles.of("production"))) {
            throw new IllegalStateException("covenant.crypto.key is empty in production: map it to ${ENCRYPTION_KEY} "
                    + "(and covenant.crypto.salt to ${ENCRYPTION_SALT}) in application.yml");
        }
        return LocalKeyFile.loadOrCreate(dataDirectory);
    }
}
