package app.covenant.documents.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.stereotype.Component;

/**
 * Opens PDFs that come from outside (uploads, e-mail) for reading.
 *
 * <p>Everything about the input is untrusted: a size cap keeps a huge file from being parsed at
 * all, and whatever PDFBox throws on a broken or hostile file becomes a {@link PdfException} whose
 * reason a caller can act on. A PDF that only restricts permissions (an owner password with an
 * empty user password, common on certificates issued by agency systems) opens normally; one that
 * needs a password to open is {@code ENCRYPTED}.
 */
@Component
public class PdfReader {

    /** Above the upload limit of the documents module, so any stored document can be read. */
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    private final long maxBytes;

    public PdfReader() {
        this(DEFAULT_MAX_BYTES);
    }

    PdfReader(long maxBytes) {
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("The size cap must fit in an array");
        }
        this.maxBytes = maxBytes;
    }

    public PdfDocument open(byte[] pdf) {
        requireWithinCap(pdf.length);
        return load(() -> Loader.loadPDF(new RandomAccessReadBuffer(pdf)));
    }

    /**
     * Reads at most one byte past the cap, so an endless stream is refused rather than buffered. The
     * stream is not closed.
     *
     * @throws UncheckedIOException when the stream itself fails (not the PDF's fault)
     */
    public PdfDocument open(InputStream in) {
        byte[] pdf;
        try {
            pdf = in.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the PDF stream", e);
        }
        return open(pdf);
    }

    /** Parses from the file without loading it into memory. */
    public PdfDocument open(Path file) {
        try {
            requireWithinCap(Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return load(() -> Loader.loadPDF(file.toFile()));
    }

    private void requireWithinCap(long size) {
        if (size > maxBytes) {
            throw new PdfException(PdfException.Reason.TOO_LARGE);
        }
    }

    private static PdfDocument load(Loading loading) {
        try {
            return new PdfDocument(loading.load());
        } catch (InvalidPasswordException e) {
            throw new PdfException(PdfException.Reason.ENCRYPTED, e);
        } catch (IOException | RuntimeException e) {
            // PDFBox also throws unchecked exceptions on hostile structures (bad casts, bad numbers).
            throw new PdfException(PdfException.Reason.UNREADABLE, e);
        }
    }

    @FunctionalInterface
    private interface Loading {
        PDDocument load() throws IOException;
    }
}
