package app.covenant.insurance.extraction;

import app.covenant.documents.pdf.PdfArea;
import app.covenant.documents.pdf.PdfDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a flattened page is the ACORD 25 (2016/03) form, before its rectangles are trusted: US letter, the title
 * across the top, the form's name at the foot, and the coverage grid's labels at their places.
 */
final class Acord25Edition {

    private static final float SIZE_SLACK = 2f;

    /** Label → where it is printed (top-left coordinates, generous bands, page 1). */
    private static final Map<String, PdfArea> LABELS = labels();

    /** The title and the form name are required; of the grid's labels, most must be where they belong. */
    private static final List<String> REQUIRED = List.of("CERTIFICATE OF LIABILITY INSURANCE", "ACORD 25");
    private static final int GRID_LABELS_NEEDED = 3;

    private Acord25Edition() {
    }

    static boolean matches(PdfDocument document, PdfDocument.PageSize size) {
        if (Math.abs(size.width() - Acord25Form.PAGE_WIDTH) > SIZE_SLACK
                || Math.abs(size.height() - Acord25Form.PAGE_HEIGHT) > SIZE_SLACK) {
            return false;
        }
        Map<String, String> found = document.textIn(LABELS);
        int grid = 0;
        for (var label : found.entrySet()) {
            boolean there = normal(label.getValue()).contains(label.getKey());
            if (REQUIRED.contains(label.getKey()) && !there) {
                return false;
            }
            if (!REQUIRED.contains(label.getKey()) && there) {
                grid++;
            }
        }
        return grid >= GRID_LABELS_NEEDED;
    }

    private static String normal(String text) {
        return text == null ? "" : text.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static Map<String, PdfArea> labels() {
        Map<String, PdfArea> labels = new LinkedHashMap<>();
        labels.put("CERTIFICATE OF LIABILITY INSURANCE", new PdfArea(1, 0, 0, 612, 60));
        labels.put("ACORD 25", new PdfArea(1, 0, 752, 612, 40));
        labels.put("PRODUCER", new PdfArea(1, 0, 120, 60, 30));
        labels.put("INSURED", new PdfArea(1, 0, 195, 70, 30));
        labels.put("INSURER A", new PdfArea(1, 300, 175, 60, 20));
        labels.put("COVERAGES", new PdfArea(1, 0, 245, 120, 20));
        labels.put("CERTIFICATE HOLDER", new PdfArea(1, 0, 680, 200, 30));
        return labels;
    }
}
