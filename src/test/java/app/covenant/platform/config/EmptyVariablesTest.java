package app.covenant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code NAME=} in an env file or config map means the setting's default, as if the line were absent. */
class EmptyVariablesTest {

    @Test
    void anEmptyVariableTakesTheDefaultAndASetOneStays() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("STORAGE_LOCAL_DIR", "", "ORG_NAME", "  ", "ORG_CODE", "EXB")));

        new EmptyVariablesEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.resolvePlaceholders("${STORAGE_LOCAL_DIR:/data/files}")).isEqualTo("/data/files");
        assertThat(environment.resolvePlaceholders("${ORG_NAME:Covenant}")).isEqualTo("Covenant");
        assertThat(environment.getProperty("ORG_CODE")).isEqualTo("EXB");
        assertThat(environment.getProperty("covenant.documents.local.directory")).isNull();
    }
}
