package app.covenant.documents.pdf;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/** Text inside rectangles, one pass over each page however many rectangles it has; pages are checked by the caller. */
final class AreaText {

    private AreaText() {
    }

    static <K> Map<K, String> extract(PDDocument document, Map<K, PdfArea> areas) throws IOException {
        Map<Integer, List<Map.Entry<K, PdfArea>>> byPage = areas.entrySet().stream()
                .collect(Collectors.groupingBy(entry -> entry.getValue().page()));
        Map<K, String> texts = new LinkedHashMap<>();
        for (var page : byPage.entrySet()) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            // Reading order by position, not content-stream order, which form generators scramble.
            stripper.setSortByPosition(true);
            List<Map.Entry<K, PdfArea>> entries = page.getValue();
            for (int i = 0; i < entries.size(); i++) {
                PdfArea area = entries.get(i).getValue();
                stripper.addRegion(Integer.toString(i), new Rectangle2D.Float(area.x(), area.y(), area.width(), area.height()));
            }
            stripper.extractRegions(document.getPage(page.getKey() - 1));
            for (int i = 0; i < entries.size(); i++) {
                texts.put(entries.get(i).getKey(), stripper.getTextForRegion(Integer.toString(i)).strip());
            }
        }
        // Answer in the caller's order, not page order.
        Map<K, String> ordered = new LinkedHashMap<>();
        areas.keySet().forEach(key -> ordered.put(key, texts.get(key)));
        return ordered;
    }
}
