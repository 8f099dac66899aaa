package app.covenant.contracts;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The allow-list every piece of contract and template HTML passes on its way in (SECURITY.md): headings,
 * paragraphs, emphasis, lists, tables and links to http, https and mailto. Scripts, styles, event handlers,
 * {@code javascript:} URLs and everything else are dropped; {@code {{KEY}}} placeholders are plain text and survive.
 */
public final class RichText {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addTags("hr", "s")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan")
            .addProtocols("a", "href", "http", "https", "mailto")
            .removeProtocols("a", "href", "ftp");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private RichText() {
    }

    /** The allowed part of {@code html}; {@code ""} for null. */
    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, "", ALLOWED, COMPACT);
    }

    /** The text a reader sees, for search and word-level comparison. */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }
}
