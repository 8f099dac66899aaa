package app.covenant.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Content as files under one directory ({@code STORAGE_LOCAL_DIR}). A file is written to a temporary
 * name in the same directory and moved into place atomically, so a reader never sees half a file.
 * Fine for one node; several nodes need a shared provider (s3, azure).
 */
final class LocalObjectStore implements ObjectStore {

    private final Path root;

    LocalObjectStore(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    @Override
    public String describe() {
        return "local directory " + root;
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        Path target = resolve(key);
        Path temporary = Files.createTempFile(root, ".upload-", ".part");
        try {
            long copied = Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
            if (copied != length) {
                throw new IOException("Expected " + length + " bytes for " + key + " but got " + copied);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path file = resolve(key);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(key);
        }
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public Optional<URI> presignedDownload(String key, String contentDisposition, String contentType,
                                           Duration expiry) {
        return Optional.empty();
    }

    private Path resolve(String key) {
        Path file = root.resolve(ObjectStore.checkedKey(key)).normalize();
        if (!file.getParent().equals(root)) {
            throw new IllegalArgumentException("Storage key leaves the storage directory: " + key);
        }
        return file;
    }
}
