package app.covenant.documents.internal;

import app.covenant.shared.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks an upload before anything is stored: copies it to a temporary file while counting and hashing
 * (stopping as soon as it passes the size limit), refuses empty files and unaccepted types, then lets
 * the virus scanner (when configured) look at it.
 */
@Component
class UploadInspector {

    private final long maxBytes;
    private final long maxInflatedBytes;
    private final Optional<VirusScanner> scanner;

    UploadInspector(DocumentsProperties properties, Optional<VirusScanner> scanner) {
        this.maxBytes = properties.maxSize().toBytes();
        this.maxInflatedBytes = properties.maxInflatedSize().toBytes();
        this.scanner = scanner;
    }

    /**
     * The checked upload, named with the extension of its detected type; throws {@link ProblemException} 400,
     * 413, 415 (also when {@code requiredType} is given and differs), 422 or 503 and leaves no file behind.
     */
    InspectedUpload inspect(String originalName, InputStream content, String requiredType) {
        Path file = null;
        try {
            file = Files.createTempFile("covenant-upload-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = spool(content, file, sha256);
            if (size == 0) {
                throw ProblemException.invalid("file", "The file is empty.");
            }
            String type = ContentTypes.detect(file, maxInflatedBytes).orElseThrow(() -> new ProblemException(415,
                    "Only PDF, DOCX, PNG and JPEG files are accepted; this file's content is none of them."));
            if (requiredType != null) {
                DocumentService.requireSameType(requiredType, type);
            }
            scan(file);
            InspectedUpload upload = new InspectedUpload(file, FileNames.forType(originalName, type), size,
                    HexFormat.of().formatHex(sha256.digest()), type);
            file = null;
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not spool an upload to a temporary file", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } finally {
            deleteQuietly(file);
        }
    }

    private long spool(InputStream content, Path file, MessageDigest sha256) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = content.read(buffer)) >= 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new ProblemException(413, "The file is larger than the limit of " + maxBytes + " bytes.");
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    private void scan(Path file) throws IOException {
        if (scanner.isEmpty()) {
            return;
        }
        VirusScanner.Verdict verdict;
        try (InputStream in = Files.newInputStream(file)) {
            verdict = scanner.get().scan(in);
        } catch (VirusScanner.ScannerUnavailableException e) {
            throw new ProblemException(503, "The virus scanner is not reachable; nothing was stored. Try again later.");
        }
        if (verdict.infected()) {
            throw new ProblemException(422, "The file was refused by the virus scanner (" + verdict.signature()
                    + "); nothing was stored.");
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file the JVM could not delete is left to the operating system's cleanup.
        }
    }
}
