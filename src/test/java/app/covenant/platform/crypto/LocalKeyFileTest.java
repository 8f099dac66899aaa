package app.covenant.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The embedded default's key file: generated once with random values, reused, owner-only. */
@ExtendWith(OutputCaptureExtension.class)
class LocalKeyFileTest {

    @TempDir
    Path dataDirectory;

    @Test
    void isGeneratedOnceAndReusedOnTheNextStart(CapturedOutput output) throws IOException {
        KeySecret first = LocalKeyFile.loadOrCreate(dataDirectory);
        Path file = dataDirectory.resolve("secrets/field-encryption.properties");
        byte[] written = Files.readAllBytes(file);

        KeySecret second = LocalKeyFile.loadOrCreate(dataDirectory);

        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllBytes(file)).isEqualTo(written);
        assertThat(Base64.getDecoder().decode(first.secret())).hasSize(32);
        assertThat(Base64.getDecoder().decode(first.salt())).hasSize(16);
        assertThat(output.getAll().lines().filter(line -> line.contains("Generated a local field encryption key")))
                .singleElement().asString().contains(file.toString()).doesNotContain(first.secret(), first.salt());
        assertThat(file.getParent()).isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void isReadableByItsOwnerOnly() throws IOException {
        assumeThat(dataDirectory.getFileSystem().supportedFileAttributeViews()).contains("posix");

        LocalKeyFile.loadOrCreate(dataDirectory);

        Path file = dataDirectory.resolve("secrets/field-encryption.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void eachDataDirectoryGetsItsOwnRandomKey() {
        KeySecret one = LocalKeyFile.loadOrCreate(dataDirectory.resolve("one"));
        KeySecret other = LocalKeyFile.loadOrCreate(dataDirectory.resolve("not/yet/created"));

        assertThat(other.secret()).isNotEqualTo(one.secret());
        assertThat(other.salt()).isNotEqualTo(one.salt());
    }

    @Test
    void aDamagedFileStopsTheStartInsteadOfReplacingTheKey() throws IOException {
        Path file = dataDirectory.resolve("secrets/field-encryption.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "key=only-a-key-left-here\n");

        assertThatIllegalStateException().isThrownBy(() -> LocalKeyFile.loadOrCreate(dataDirectory))
                .withMessageContaining(file.toString())
                .withMessageNotContaining("only-a-key-left-here");
        assertThat(Files.readString(file)).isEqualTo("key=only-a-key-left-here\n");
    }
}
