package app.covenant.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of a file from its bytes alone (Tika's magic numbers; the name is not consulted), limited to
 * the types Covenant accepts. A ZIP container counts as DOCX only when it holds {@code word/document.xml}.
 */
final class ContentTypes {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final Set<String> ACCEPTED = Set.of(PDF, DOCX, PNG, JPEG);

    private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = MIME_TYPES.getMediaTypeRegistry();

    private ContentTypes() {
    }

    /** The accepted type of {@code file}, or empty when it is none of them. */
    static Optional<String> detect(Path file) throws IOException {
        MediaType detected;
        try (InputStream in = TikaInputStream.get(Files.newInputStream(file))) {
            detected = MIME_TYPES.detect(in, new Metadata());
        }
        String type = detected.getBaseType().toString();
        if (type.equals(PDF) || type.equals(PNG) || type.equals(JPEG)) {
            return Optional.of(type);
        }
        if (REGISTRY.isInstanceOf(detected, MediaType.APPLICATION_ZIP) && isWordDocument(file)) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    private static boolean isWordDocument(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("word/document.xml") != null;
        } catch (ZipException broken) {
            return false;
        }
    }
}
