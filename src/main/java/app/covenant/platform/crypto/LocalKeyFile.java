package app.covenant.platform.crypto;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * The embedded default's key: generated once under the data directory and reused on every start, so
 * a developer's encrypted data survives restarts without any setup. Readable by the owner only.
 */
final class LocalKeyFile {

    static final String RELATIVE_PATH = "secrets/field-encryption.properties";

    private static final Logger log = LoggerFactory.getLogger(LocalKeyFile.class);

    private LocalKeyFile() {
    }

    static KeySecret loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(RELATIVE_PATH);
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the local encryption key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path directory = file.getParent();
        Files.createDirectories(directory.getParent());
        if (Files.notExists(directory)) {
            Files.createDirectory(directory, ownerOnly(directory, "rwx------"));
        }
        Path temporary = Files.createTempFile(directory, "field-encryption", ".tmp", ownerOnly(directory, "rw-------"));
        restrictWhereNotPosix(temporary);
        Properties keys = new Properties();
        keys.setProperty("key", randomBase64(32));
        keys.setProperty("salt", randomBase64(16));
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            keys.store(writer, "Covenant field encryption key (embedded default). Losing it loses the encrypted data; "
                    + "set ENCRYPTION_KEY and ENCRYPTION_SALT to use your own.");
        }
        try {
            // A complete file or none: a crash while writing must never leave a half key behind.
            Files.move(temporary, file);
            log.info("Generated a local field encryption key in {} (set ENCRYPTION_KEY and ENCRYPTION_SALT to use your own)",
                    file);
        } catch (FileAlreadyExistsException raced) {
            Files.delete(temporary);
        }
    }

    private static KeySecret read(Path file) throws IOException {
        Properties keys = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            keys.load(reader);
        }
        String key = keys.getProperty("key", "").trim();
        String salt = keys.getProperty("salt", "").trim();
        if (key.isEmpty() || salt.isEmpty()) {
            throw new IllegalStateException("The local encryption key file " + file
                    + " lacks its key or salt: restore it from a backup (values encrypted with it are unreadable without it)");
        }
        return new KeySecret(key, salt);
    }

    private static String randomBase64(int bytes) {
        return Base64.getEncoder().encodeToString(KeyGenerators.secureRandom(bytes).generateKey());
    }

    private static FileAttribute<?>[] ownerOnly(Path near, String permissions) {
        if (!isPosix(near)) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }

    // Best effort where POSIX permissions do not exist (Windows): owner read/write, nobody else.
    private static void restrictWhereNotPosix(Path path) {
        if (!isPosix(path)) {
            File file = path.toFile();
            file.setReadable(false, false);
            file.setWritable(false, false);
            file.setReadable(true, true);
            file.setWritable(true, true);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
