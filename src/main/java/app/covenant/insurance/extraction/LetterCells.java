package app.covenant.insurance.extraction;

import app.covenant.documents.ocr.Tesseract.Word;
import app.covenant.documents.ocr.Tesseract;
import app.covenant.insurance.extraction.ScanRegistration.Transform;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The form's one-letter columns (insurer letter, AI and WOS marks, check boxes). Read with the whole page, Tesseract
 * often drops a lone letter or adds a speck to it; so the cells that did not come out as one of their letters are
 * cut out of the page, stacked one under the other with white between them, and read again in a single pass.
 */
final class LetterCells {

    /** Points kept inside a cell's rectangle, so that a printed border is not read as a letter. */
    private static final double INSET = 0.5;
    /** White rows between stacked cells, in pixels. */
    private static final int GAP = 24;
    private static final int MARGIN = 20;
    /** Grey level below which a pixel is ink: scanners leave paper above 200 and print below 100. */
    private static final int INK = 150;

    private LetterCells() {
    }

    /** The letters a field may hold, or empty when it is not a one-letter column. */
    static String allowed(Acord25Form.Field field) {
        String name = field.name();
        if (field.checkbox()) {
            return "X";
        }
        if (name.endsWith("AdditionalInsuredCode_A") || name.endsWith("SubrogationWaivedCode_A")
                || name.endsWith("ExcludedIndicator_A")) {
            return "XYN";
        }
        if (name.endsWith("InsurerLetterCode_A")) {
            return "ABCDEF";
        }
        return "";
    }

    /**
     * The column's letter in what OCR read: lower case now and then, doubled ({@code Cc}, {@code YY}), next to a
     * speck ({@code Ye}) or to the digit it resembles ({@code 8B}); in at most three characters, the first allowed
     * letter is the column's.
     */
    static Optional<String> letter(String text, String allowed) {
        String compact = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (allowed.isEmpty() || compact.isEmpty() || compact.length() > 3) {
            return Optional.empty();
        }
        return compact.chars().mapToObj(c -> String.valueOf((char) c)).filter(allowed::contains).findFirst();
    }

    /** Cell → the word read in it, for the cells given, from the straightened page and its fitted transform. */
    static Map<Acord25Form.Field, Word> reread(BufferedImage page, Transform transform, List<Acord25Form.Field> cells,
                                               Tesseract tesseract, int dpi) throws Tesseract.Failure {
        Inverse inverse = new Inverse(transform);
        List<int[]> boxes = new ArrayList<>();
        int width = 0;
        int height = MARGIN;
        for (Acord25Form.Field cell : cells) {
            double left = cell.x() + INSET;
            double right = cell.x() + cell.width() - INSET;
            double top = Acord25Form.PAGE_HEIGHT - cell.y() - cell.height() + INSET;
            double bottom = Acord25Form.PAGE_HEIGHT - cell.y() - INSET;
            int u0 = (int) Math.floor(Math.min(inverse.u(left, top), inverse.u(left, bottom)));
            int u1 = (int) Math.ceil(Math.max(inverse.u(right, top), inverse.u(right, bottom)));
            int v0 = (int) Math.floor(Math.min(inverse.v(left, top), inverse.v(right, top)));
            int v1 = (int) Math.ceil(Math.max(inverse.v(left, bottom), inverse.v(right, bottom)));
            u0 = Math.clamp(u0, 0, page.getWidth() - 1);
            v0 = Math.clamp(v0, 0, page.getHeight() - 1);
            u1 = Math.clamp(u1, u0 + 1, page.getWidth());
            v1 = Math.clamp(v1, v0 + 1, page.getHeight());
            boxes.add(new int[] {u0, v0, u1 - u0, v1 - v0, height});
            width = Math.max(width, u1 - u0);
            height += v1 - v0 + GAP;
        }
        BufferedImage strip = new BufferedImage(width + 2 * MARGIN, height + MARGIN, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = strip.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, strip.getWidth(), strip.getHeight());
        for (int[] box : boxes) {
            graphics.drawImage(page.getSubimage(box[0], box[1], box[2], box[3]), MARGIN, box[4], null);
        }
        graphics.dispose();
        binarise(strip);
        Map<Acord25Form.Field, Word> found = new LinkedHashMap<>();
        for (Word word : tesseract.words(strip, dpi)) {
            for (int i = 0; i < cells.size(); i++) {
                int[] box = boxes.get(i);
                if (word.centreY() >= box[4] && word.centreY() <= box[4] + box[3]) {
                    found.merge(cells.get(i), word, (first, second) -> first.confidence() >= second.confidence()
                            ? first : second);
                    break;
                }
            }
        }
        return found;
    }

    /**
     * Ink black, paper white: a cell of grey paper on the white strip is otherwise taken for a picture, and its
     * letter is not read.
     */
    private static void binarise(BufferedImage strip) {
        byte[] pixels = ((java.awt.image.DataBufferByte) strip.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (pixels[i] & 0xff) < INK ? 0 : (byte) 255;
        }
    }

    /** From form points back to image pixels: the fitted transform inverted. */
    private record Inverse(double[] m) {

        Inverse(Transform t) {
            this(Homography.inverse(new double[] {t.a(), t.b(), t.c(), t.d(), t.e(), t.f(), t.g(), t.h()}));
        }

        double u(double x, double y) {
            return (m[0] * x + m[1] * y + m[2]) / (m[6] * x + m[7] * y + 1);
        }

        double v(double x, double y) {
            return (m[3] * x + m[4] * y + m[5]) / (m[6] * x + m[7] * y + 1);
        }
    }
}
