package app.covenant.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload that passed the checks, spooled to a temporary file (so 25 MB are never held in memory)
 * with its size, SHA-256 and detected type. Closing it deletes the file.
 */
record InspectedUpload(Path file, String name, long sizeBytes, String sha256, String contentType)
        implements AutoCloseable {

    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
