package app.covenant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Settings are read through each module's validated {@code @ConfigurationProperties} record, never with
 * {@code @Value}: a stray {@code @Value} skips validation, hides its default from the record's
 * documentation and is missed when a setting is renamed.
 */
class NoStrayValueTest {

    @Test
    void noMainSourceUsesValue() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            assertThat(sources.filter(path -> path.toString().endsWith(".java")).filter(NoStrayValueTest::usesValue)
                    .map(Path::toString)).isEmpty();
        }
    }

    private static boolean usesValue(Path source) {
        try {
            return Files.readString(source).contains("org.springframework.beans.factory.annotation.Value");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
