package app.covenant.documents.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * An opened PDF, read through PDFBox. Close it (try-with-resources): it holds the parsed document.
 * Not thread-safe. A failure while reading is the document's fault (its content streams or fields
 * are broken) and surfaces as {@link PdfException} with reason {@code UNREADABLE}.
 */
public final class PdfDocument implements AutoCloseable {

    private final PDDocument document;

    PdfDocument(PDDocument document) {
        this.document = document;
    }

    public int pageCount() {
        return document.getNumberOfPages();
    }

    /** A page's size in points (its media box), e.g. to recognise a known form's edition. */
    public record PageSize(float width, float height) {
    }

    /**
     * @param page from 1
     * @throws IllegalArgumentException for a page the document does not have
     */
    public PageSize pageSize(int page) {
        if (page < 1 || page > pageCount()) {
            throw new IllegalArgumentException("Page " + page + " asked of a " + pageCount() + "-page PDF");
        }
        return reading(() -> {
            org.apache.pdfbox.pdmodel.common.PDRectangle box = document.getPage(page - 1).getMediaBox();
            return new PageSize(box.getWidth(), box.getHeight());
        });
    }

    public PdfInfo info() {
        PDDocumentInformation info = document.getDocumentInformation();
        Calendar created = info.getCreationDate();
        return new PdfInfo(info.getTitle(), info.getAuthor(), info.getCreator(), info.getProducer(),
                created == null ? null : created.toInstant());
    }

    /** The text of every page, extracted page by page. */
    public PdfText text() {
        return reading(() -> {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>(pageCount());
            for (int page = 1; page <= pageCount(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return new PdfText(pages);
        });
    }

    /**
     * Whether any page has extractable text; {@code false} means a scan that needs OCR. It extracts
     * the whole text: a caller that wants the text too should ask {@link #text()} once instead.
     */
    public boolean hasText() {
        return text().hasText();
    }

    /** The text inside one rectangle, stripped of surrounding white space. */
    public String textIn(PdfArea area) {
        return textIn(Map.of(area, area)).get(area);
    }

    /**
     * The text inside each rectangle, under the caller's keys (e.g. the names of the form's fields),
     * in the order given.
     *
     * @throws IllegalArgumentException when an area names a page the document does not have
     */
    public <K> Map<K, String> textIn(Map<K, PdfArea> areas) {
        int pageCount = pageCount();
        areas.values().stream().filter(area -> area.page() > pageCount).findFirst().ifPresent(area -> {
            throw new IllegalArgumentException("Page " + area.page() + " asked of a " + pageCount + "-page PDF");
        });
        return reading(() -> AreaText.extract(document, areas));
    }

    /** The AcroForm's fields in form order; empty when there is no form (or only a dynamic XFA one). */
    public List<FormField> formFields() {
        return reading(() -> FormFields.read(document));
    }

    /** Field name → value, the form's fields as most callers want them. */
    public Map<String, String> formValues() {
        Map<String, String> values = new LinkedHashMap<>();
        formFields().forEach(field -> values.put(field.name(), field.value()));
        return values;
    }

    /**
     * One page drawn as a PNG at {@code dpi} dots per inch (72 is the page's own size in points), for showing a
     * document where a PDF viewer cannot be embedded, e.g. beside a form.
     *
     * @param page from 1
     * @throws IllegalArgumentException for a page the document does not have or a dpi outside 36–300
     */
    public byte[] pageAsPng(int page, int dpi) {
        if (page < 1 || page > pageCount()) {
            throw new IllegalArgumentException("Page " + page + " asked of a " + pageCount() + "-page PDF");
        }
        if (dpi < 36 || dpi > 300) {
            throw new IllegalArgumentException("dpi must be between 36 and 300: " + dpi);
        }
        return reading(() -> {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", png);
            return png.toByteArray();
        });
    }

    /**
     * One page drawn in 8-bit grey at {@code dpi}, e.g. for OCR of a scanned page.
     *
     * @param page from 1
     * @throws IllegalArgumentException for a page the document does not have or a dpi outside 36–600
     */
    public BufferedImage pageAsGreyImage(int page, int dpi) {
        if (page < 1 || page > pageCount()) {
            throw new IllegalArgumentException("Page " + page + " asked of a " + pageCount() + "-page PDF");
        }
        if (dpi < 36 || dpi > 600) {
            throw new IllegalArgumentException("dpi must be between 36 and 600: " + dpi);
        }
        return reading(() -> new PDFRenderer(document).renderImageWithDPI(page - 1, dpi, ImageType.GRAY));
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not release the PDF", e);
        }
    }

    private <T> T reading(Reading<T> reading) {
        try {
            return reading.read();
        } catch (IOException | RuntimeException e) {
            // Broken content streams or field dictionaries also surface as unchecked exceptions.
            throw new PdfException(PdfException.Reason.UNREADABLE, e);
        }
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read() throws IOException;
    }
}
