package app.covenant.signatures.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes lines of text and images down appended pages of a PDF with PDFBox, starting a new page when one is
 * full. Uses the standard fonts every PDF reader has (Helvetica; Times-Italic for typed signatures), so text
 * is limited to their character set: anything else prints as '?'.
 */
final class PageWriter implements AutoCloseable {

    /** The three looks of text; each writer has its own font objects (PDFBox fonts are not shared across threads). */
    enum Style { REGULAR, BOLD, SCRIPT }

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font script = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD_ITALIC);
    private static final float MARGIN = 50;

    private final PDDocument document;
    private PDPageContentStream out;
    private float y;

    PageWriter(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void text(String text, Style style, float size) throws IOException {
        PDType1Font font = switch (style) {
            case REGULAR -> regular;
            case BOLD -> bold;
            case SCRIPT -> script;
        };
        for (String line : wrap(printable(font, text == null ? "" : text), font, size)) {
            room(size * 1.4f);
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y - size);
            out.showText(line);
            out.endText();
            y -= size * 1.4f;
        }
    }

    void gap(float points) {
        y -= points;
    }

    void rule() throws IOException {
        room(6);
        out.moveTo(MARGIN, y - 3);
        out.lineTo(PDRectangle.A4.getWidth() - MARGIN, y - 3);
        out.stroke();
        y -= 6;
    }

    void image(byte[] png, float maxWidth, float maxHeight) throws IOException {
        PDImageXObject image = PDImageXObject.createFromByteArray(document, png, "signature.png");
        float scale = Math.min(1f, Math.min(maxWidth / image.getWidth(), maxHeight / image.getHeight()));
        float width = image.getWidth() * scale;
        float height = image.getHeight() * scale;
        room(height + 4);
        out.drawImage(image, MARGIN, y - height, width, height);
        y -= height + 4;
    }

    private void room(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The text with every character the font cannot show replaced by '?' (and no line breaks). */
    static String printable(PDType1Font font, String text) {
        StringBuilder result = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = Character.isWhitespace(codePoint) ? " " : Character.toString(codePoint);
            try {
                font.encode(character);
                result.append(character);
            } catch (IOException | IllegalArgumentException e) {
                result.append('?');
            }
        });
        return result.toString();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
