package app.covenant.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Which keys the {@link FieldEncryptor} bean gets from {@code covenant.crypto.*}, and what is refused. */
class FieldEncryptionConfigurationTest {

    static final KeySecret CONFIGURED = new KeySecret("cfg-Rt5Yu7Io9Pa2Sd4Fg6Hj8Kl0Zx", "cfg-salt-Qw3Er5Ty");
    static final KeySecret RETIRED = new KeySecret("old-Mn1Bv3Cx5Zl7Kj9Hg2Fd4Sa6Po", "old-salt-Lk8Jh6Gf");

    @TempDir
    Path dataDirectory;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FieldEncryptionProperties.class)
    static class PropertiesEnabled {
    }

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(PropertiesEnabled.class, FieldEncryptionConfiguration.class)
                .withPropertyValues("covenant.crypto.local-key-directory=" + dataDirectory);
    }

    @Test
    void usesTheConfiguredKeyAndReadsThePreviousOnes() {
        String writtenWithRetired = new FieldEncryptor(RETIRED, List.of()).encrypt("before rotation");

        runner().withPropertyValues("covenant.crypto.key=" + CONFIGURED.secret(), "covenant.crypto.salt=" + CONFIGURED.salt(),
                        "covenant.crypto.previous-keys= , " + RETIRED.secret() + "@" + RETIRED.salt() + ", ")
                .run(context -> {
                    FieldEncryptor encryptor = context.getBean(FieldEncryptor.class);
                    assertThat(encryptor.currentKeyId()).isEqualTo(FieldKey.derive(CONFIGURED).id());
                    assertThat(encryptor.decrypt(writtenWithRetired)).isEqualTo("before rotation");
                    assertThat(dataDirectory.resolve("secrets")).doesNotExist();
                });
    }

    @Test
    void withoutAKeyGeneratesALocalOneAndKeepsItAcrossRestarts() {
        String[] keyIds = new String[2];
        runner().run(context -> keyIds[0] = context.getBean(FieldEncryptor.class).currentKeyId());
        runner().run(context -> keyIds[1] = context.getBean(FieldEncryptor.class).currentKeyId());

        assertThat(Files.exists(dataDirectory.resolve("secrets/field-encryption.properties"))).isTrue();
        assertThat(keyIds[1]).isEqualTo(keyIds[0]).isNotNull();
    }

    @Test
    void aKeyWithoutSaltIsRefusedWithoutPrintingTheKey() {
        runner().withPropertyValues("covenant.crypto.key=" + CONFIGURED.secret()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ENCRYPTION_SALT");
            for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage())).doesNotContain(CONFIGURED.secret());
            }
        });
    }

    @Test
    void productionNeverFallsBackToALocalKey() {
        runner().withPropertyValues("spring.profiles.active=production").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("covenant.crypto.key");
            assertThat(dataDirectory.resolve("secrets")).doesNotExist();
        });
    }
}
