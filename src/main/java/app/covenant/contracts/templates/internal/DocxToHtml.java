package app.covenant.contracts.templates.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.web.util.HtmlUtils;

/**
 * A Word document (DOCX, Apache POI) as plain, clean HTML: headings (Title and Heading 1–6 styles), paragraphs,
 * bold / italic / underline, bulleted and numbered lists, tables. Neighbouring runs of the same formatting are
 * joined first, since Word splits text into runs freely — often in the middle of a {@code {{KEY}}}.
 * Everything else (images, colours, fonts, fields) is left out; the result still goes through the allow-list.
 */
final class DocxToHtml {

    private DocxToHtml() {
    }

    static String convert(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            StringBuilder html = new StringBuilder();
            body(document, document.getBodyElements(), html);
            return html.toString();
        }
    }

    private static void body(XWPFDocument document, List<IBodyElement> elements, StringBuilder html) {
        String openList = null;
        for (IBodyElement element : elements) {
            String listTag = element instanceof XWPFParagraph p && p.getNumID() != null ? listTag(p) : null;
            if (openList != null && !openList.equals(listTag)) {
                html.append("</").append(openList).append('>');
                openList = null;
            }
            if (element instanceof XWPFParagraph paragraph) {
                if (listTag != null) {
                    if (openList == null) {
                        html.append('<').append(listTag).append('>');
                        openList = listTag;
                    }
                    html.append("<li>").append(runs(paragraph)).append("</li>");
                } else {
                    paragraph(document, paragraph, html);
                }
            } else if (element instanceof XWPFTable table) {
                table(document, table, html);
            }
        }
        if (openList != null) {
            html.append("</").append(openList).append('>');
        }
    }

    private static void paragraph(XWPFDocument document, XWPFParagraph paragraph, StringBuilder html) {
        String content = runs(paragraph);
        if (content.isBlank()) {
            return;
        }
        String tag = blockTag(document, paragraph);
        html.append('<').append(tag).append('>').append(content).append("</").append(tag).append('>');
    }

    private static void table(XWPFDocument document, XWPFTable table, StringBuilder html) {
        html.append("<table><tbody>");
        for (XWPFTableRow row : table.getRows()) {
            html.append("<tr>");
            for (XWPFTableCell cell : row.getTableCells()) {
                html.append("<td>");
                StringBuilder inner = new StringBuilder();
                body(document, cell.getBodyElements(), inner);
                html.append(inner);
                html.append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    /** {@code h1}–{@code h6} for Title and Heading styles (by id or name), {@code p} otherwise. */
    private static String blockTag(XWPFDocument document, XWPFParagraph paragraph) {
        String styleId = paragraph.getStyleID();
        if (styleId == null) {
            return "p";
        }
        String name = styleId;
        if (document.getStyles() != null) {
            XWPFStyle style = document.getStyles().getStyle(styleId);
            if (style != null && style.getName() != null) {
                name = style.getName();
            }
        }
        String normalized = name.replace(" ", "").toLowerCase(Locale.ROOT);
        if (normalized.equals("title")) {
            return "h1";
        }
        if (normalized.matches("heading[1-6]")) {
            return "h" + normalized.charAt(normalized.length() - 1);
        }
        return "p";
    }

    private static String listTag(XWPFParagraph paragraph) {
        String format = paragraph.getNumFmt();
        return format == null || "bullet".equals(format) || "none".equals(format) ? "ul" : "ol";
    }

    /** The paragraph's runs, escaped and wrapped in b / i / u, neighbours of one formatting joined. */
    private static String runs(XWPFParagraph paragraph) {
        StringBuilder html = new StringBuilder();
        StringBuilder pending = new StringBuilder();
        int pendingStyle = -1;
        for (XWPFRun run : paragraph.getRuns()) {
            String text = run.text();
            if (text == null || text.isEmpty()) {
                continue;
            }
            int style = (run.isBold() ? 1 : 0) | (run.isItalic() ? 2 : 0)
                    | (run.getUnderline() != null && run.getUnderline() != UnderlinePatterns.NONE ? 4 : 0);
            if (style != pendingStyle && !pending.isEmpty()) {
                flush(pending, pendingStyle, html);
            }
            pendingStyle = style;
            pending.append(text);
        }
        flush(pending, pendingStyle, html);
        return html.toString();
    }

    private static void flush(StringBuilder text, int style, StringBuilder html) {
        if (text.isEmpty()) {
            return;
        }
        String escaped = HtmlUtils.htmlEscape(text.toString()).replace("\n", "<br>").replace("\t", " ");
        String open = ((style & 1) != 0 ? "<b>" : "") + ((style & 2) != 0 ? "<i>" : "") + ((style & 4) != 0 ? "<u>" : "");
        String close = ((style & 4) != 0 ? "</u>" : "") + ((style & 2) != 0 ? "</i>" : "") + ((style & 1) != 0 ? "</b>" : "");
        html.append(open).append(escaped).append(close);
        text.setLength(0);
    }
}
