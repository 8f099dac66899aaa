package app.covenant.signatures.internal;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Draws each signer's signature in their signature blocks of the original pages: every place the signer's
 * anchor text (such as {@code [[sign:sub]]}) appears. The anchor is covered in white; the signature (the drawn
 * PNG scaled into a {@value #BOX_WIDTH} × {@value #BOX_HEIGHT} pt box, or the typed name in the script font)
 * stands on the anchor's baseline, the signer's name and the UTC date are written under it. A template leaves
 * about 45 pt free above an anchor and 20 pt below it.
 */
final class SignatureBlocks {

    static final float BOX_WIDTH = 160;
    static final float BOX_HEIGHT = 40;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SignatureBlocks() {
    }

    /** Where a signer's signature went: the pages (1-based) of each anchor found; empty when none was. */
    record Placement(SignerRecord signer, List<Integer> pages) {

        boolean found() {
            return !pages.isEmpty();
        }
    }

    /** A found anchor: its page (0-based), lower-left corner in PDF user space, width and height. */
    record Spot(int pageIndex, float x, float y, float width, float height) {
    }

    /** Draws the signatures of {@code signers} with an anchor into {@code document}'s pages, as they are now. */
    static List<Placement> draw(PDDocument document, List<SignerRecord> signers) throws IOException {
        List<Placement> placements = new ArrayList<>();
        int originalPages = document.getNumberOfPages();
        for (SignerRecord signer : signers) {
            if (signer.anchor() == null) {
                continue;
            }
            List<Spot> spots = find(document, signer.anchor(), originalPages);
            for (Spot spot : spots) {
                drawAt(document, document.getPage(spot.pageIndex()), spot, signer);
            }
            placements.add(new Placement(signer, spots.stream().map(spot -> spot.pageIndex() + 1).distinct().toList()));
        }
        return placements;
    }

    /**
     * Where the signatures of {@code signers} with an anchor go in {@code document} (the original), without drawing
     * them: the same pages {@link #draw} reports, for a certificate printed on its own.
     */
    static List<Placement> locate(PDDocument document, List<SignerRecord> signers) throws IOException {
        List<Placement> placements = new ArrayList<>();
        int originalPages = document.getNumberOfPages();
        for (SignerRecord signer : signers) {
            if (signer.anchor() != null) {
                placements.add(new Placement(signer, find(document, signer.anchor(), originalPages).stream()
                        .map(spot -> spot.pageIndex() + 1).distinct().toList()));
            }
        }
        return placements;
    }

    /** Every place {@code anchor} appears on the first {@code pages} pages, in reading order. */
    static List<Spot> find(PDDocument document, String anchor, int pages) throws IOException {
        List<Spot> spots = new ArrayList<>();
        for (int index = 0; index < pages; index++) {
            PageText text = new PageText();
            text.setStartPage(index + 1);
            text.setEndPage(index + 1);
            text.getText(document);
            PDRectangle box = document.getPage(index).getCropBox();
            String content = text.chars.toString();
            for (int at = content.indexOf(anchor); at >= 0; at = content.indexOf(anchor, at + anchor.length())) {
                TextPosition first = text.positions.get(at);
                TextPosition last = text.positions.get(at + anchor.length() - 1);
                if (first == null || last == null) {
                    continue;
                }
                float left = first.getXDirAdj();
                float right = last.getXDirAdj() + last.getWidthDirAdj();
                float height = Math.max(first.getHeightDir(), first.getFontSizeInPt() * 0.8f);
                // YDirAdj is the baseline measured from the top of the page.
                float baseline = box.getLowerLeftY() + box.getHeight() - first.getYDirAdj();
                spots.add(new Spot(index, box.getLowerLeftX() + left, baseline, right - left, height));
            }
        }
        return spots;
    }

    private static void drawAt(PDDocument document, PDPage page, Spot spot, SignerRecord signer) throws IOException {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font script = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD_ITALIC);
        try (PDPageContentStream out = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                true, true)) {
            // Cover the anchor text (and a little of its descent) so only the signature block shows.
            out.setNonStrokingColor(1f, 1f, 1f);
            out.addRect(spot.x() - 1, spot.y() - spot.height() * 0.3f, spot.width() + 2, spot.height() * 1.35f);
            out.fill();
            out.setNonStrokingColor(0f, 0f, 0f);
            float bottom = spot.y() + 2;
            if (signer.signaturePng() != null) {
                PDImageXObject image = PDImageXObject.createFromByteArray(document, signer.signaturePng(),
                        "signature.png");
                float scale = Math.min(BOX_WIDTH / image.getWidth(), BOX_HEIGHT / image.getHeight());
                out.drawImage(image, spot.x(), bottom, image.getWidth() * scale, image.getHeight() * scale);
            } else {
                String typed = PageWriter.printable(script, signer.typedSignature() == null ? "" : signer.typedSignature());
                float size = 22;
                float width = script.getStringWidth(typed) / 1000 * size;
                if (width > BOX_WIDTH) {
                    size = Math.max(8, size * BOX_WIDTH / width);
                }
                line(out, script, size, spot.x(), bottom + 4, typed);
            }
            String name = PageWriter.printable(regular, signer.signedName() == null ? signer.name() : signer.signedName());
            line(out, regular, 8, spot.x(), spot.y() - 1, name);
            line(out, regular, 7, spot.x(), spot.y() - 10, "Signed electronically " + DATE.format(signer.signedAt()));
        }
    }

    private static void line(PDPageContentStream out, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    /** A page's text with, for each character, the glyph it came from (null for the spaces between words). */
    private static final class PageText extends PDFTextStripper {

        private final StringBuilder chars = new StringBuilder();
        private final List<TextPosition> positions = new ArrayList<>();

        PageText() throws IOException {
            setSortByPosition(true);
        }

        @Override
        protected void writeString(String text, List<TextPosition> textPositions) {
            for (TextPosition position : textPositions) {
                String unicode = position.getUnicode();
                for (int i = 0; i < unicode.length(); i++) {
                    chars.append(unicode.charAt(i));
                    positions.add(position);
                }
            }
        }

        @Override
        protected void writeWordSeparator() {
            chars.append(' ');
            positions.add(null);
        }

        @Override
        protected void writeLineSeparator() {
            chars.append('\n');
            positions.add(null);
        }
    }
}
