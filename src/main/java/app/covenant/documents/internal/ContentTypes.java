package app.covenant.documents.internal;

import app.covenant.shared.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of a file from its bytes alone (Tika's magic numbers; the name is not consulted), limited to
 * the types Covenant accepts. A ZIP container counts as DOCX only when it holds {@code word/document.xml},
 * and is refused outright when opening it would inflate past a limit (a zip bomb): every entry is really
 * inflated and counted, since the sizes a ZIP declares are the attacker's to choose.
 */
final class ContentTypes {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final Set<String> ACCEPTED = Set.of(PDF, DOCX, PNG, JPEG);

    /** More entries than any real Word document has; past it the central directory alone costs memory. */
    static final int MAX_ZIP_ENTRIES = 10_000;

    private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = MIME_TYPES.getMediaTypeRegistry();

    private ContentTypes() {
    }

    /**
     * The accepted type of {@code file}, or empty when it is none of them; a DOCX whose entries inflate to more
     * than {@code maxInflatedBytes} (or that has more than {@value #MAX_ZIP_ENTRIES} entries) is refused with 413.
     */
    static Optional<String> detect(Path file, long maxInflatedBytes) throws IOException {
        MediaType detected;
        try (InputStream in = TikaInputStream.get(Files.newInputStream(file))) {
            detected = MIME_TYPES.detect(in, new Metadata());
        }
        String type = detected.getBaseType().toString();
        if (type.equals(PDF) || type.equals(PNG) || type.equals(JPEG)) {
            return Optional.of(type);
        }
        if (REGISTRY.isInstanceOf(detected, MediaType.APPLICATION_ZIP) && isWordDocument(file, maxInflatedBytes)) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    private static boolean isWordDocument(Path file, long maxInflatedBytes) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("word/document.xml") == null) {
                return false;
            }
            requireInflatedSizeWithin(zip, maxInflatedBytes);
            return true;
        } catch (ZipException broken) {
            return false;
        }
    }

    private static void requireInflatedSizeWithin(ZipFile zip, long maxInflatedBytes) throws IOException {
        if (zip.size() > MAX_ZIP_ENTRIES) {
            throw tooLargeWhenOpened(maxInflatedBytes);
        }
        byte[] buffer = new byte[64 * 1024];
        long inflated = 0;
        for (ZipEntry entry : Collections.list(zip.entries())) {
            try (InputStream in = zip.getInputStream(entry)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    inflated += n;
                    if (inflated > maxInflatedBytes) {
                        throw tooLargeWhenOpened(maxInflatedBytes);
                    }
                }
            }
        }
    }

    private static ProblemException tooLargeWhenOpened(long maxInflatedBytes) {
        return new ProblemException(413, "The DOCX would expand to more than " + maxInflatedBytes
                + " bytes when opened; it was refused.");
    }
}
