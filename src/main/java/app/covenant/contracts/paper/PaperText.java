package app.covenant.contracts.paper;

import app.covenant.contracts.paper.UnreadablePaperException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Recognises uploaded third-party paper by its content (a PDF starts with {@code %PDF-}; a DOCX is a ZIP holding
 * {@code word/document.xml}) and extracts its text for search (CLM.md "Contracts"). Everything about the file is
 * untrusted: the input, the pages read and the text kept are capped, a DOCX is checked for zip bombs before POI
 * parses it, and whatever a parser throws on a hostile file becomes an {@link UnreadablePaperException}. No OCR
 * here: a scan comes back with {@code hasText=false} (contracts then reads it in the background, by OCR). Stateless
 * and thread-safe.
 */
public final class PaperText {

    /** Above the upload limit (25 MB by default), so any accepted upload can be read. */
    public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;
    /** Pages of a PDF read for text; later pages are left out ({@code truncated}). */
    public static final int MAX_PAGES = 1_000;
    /** Characters of text kept (about 2 MB); the rest is left out ({@code truncated}). */
    public static final int MAX_CHARACTERS = 2_000_000;

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private PaperText() {
    }

    /**
     * The file's type, by content.
     *
     * @throws UnreadablePaperException {@code UNSUPPORTED_TYPE} for anything but a PDF or a DOCX (including old
     *                                  binary .doc), {@code TOO_LARGE} or {@code DAMAGED} for a ZIP that cannot be
     *                                  inspected safely
     */
    public static PaperType detect(byte[] file) {
        if (file == null || file.length == 0) {
            throw new UnreadablePaperException(Reason.UNSUPPORTED_TYPE);
        }
        if (file.length > MAX_FILE_BYTES) {
            throw new UnreadablePaperException(Reason.TOO_LARGE);
        }
        if (startsWith(file, PDF_MAGIC)) {
            return PaperType.PDF;
        }
        if (DocxPackage.isZip(file)) {
            DocxPackage.inspect(file);
            return PaperType.DOCX;
        }
        throw new UnreadablePaperException(Reason.UNSUPPORTED_TYPE);
    }

    /**
     * Detects the type and extracts the text.
     *
     * @throws UnreadablePaperException when the file is not usable paper (the caller answers {@code 400})
     */
    public static PaperContent extract(byte[] file) {
        PaperType type = detect(file);
        return switch (type) {
            case PDF -> pdf(file);
            case DOCX -> docx(file);
        };
    }

    private static PaperContent pdf(byte[] file) {
        try (PDDocument document = Loader.loadPDF(file)) {
            int pages = document.getNumberOfPages();
            int readable = Math.min(pages, MAX_PAGES);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= readable && text.length() <= MAX_CHARACTERS; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(stripper.getText(document).strip());
            }
            return content(PaperType.PDF, text.toString(), pages > readable);
        } catch (InvalidPasswordException e) {
            throw new UnreadablePaperException(Reason.ENCRYPTED, e);
        } catch (IOException | RuntimeException e) {
            // PDFBox also throws unchecked exceptions on hostile structures (bad casts, bad numbers).
            throw new UnreadablePaperException(Reason.DAMAGED, e);
        }
    }

    private static PaperContent docx(byte[] file) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(file));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return content(PaperType.DOCX, extractor.getText(), false);
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePaperException(zipBomb(e) ? Reason.TOO_LARGE : Reason.DAMAGED, e);
        }
    }

    /** POI's ZipSecureFile refuses an entry that inflates more than 100-fold with a plain IOException. */
    private static boolean zipBomb(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static PaperContent content(PaperType type, String extracted, boolean pagesLeftOut) {
        String text = extracted.strip();
        boolean truncated = pagesLeftOut;
        if (text.length() > MAX_CHARACTERS) {
            int end = Character.isHighSurrogate(text.charAt(MAX_CHARACTERS - 1)) ? MAX_CHARACTERS - 1 : MAX_CHARACTERS;
            text = text.substring(0, end);
            truncated = true;
        }
        return new PaperContent(type, text, text.codePoints().anyMatch(Character::isLetterOrDigit), truncated);
    }

    private static boolean startsWith(byte[] file, byte[] magic) {
        if (file.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (file[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
