package app.covenant.holdharmless.internal;

import app.covenant.documents.pdf.PdfRenderer;
import app.covenant.insurance.access.AgreementPlaceholders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Agreement templates: HTML with {@code {{PLACEHOLDER}}}s, sanitised with an allow-list (jsoup's relaxed list
 * without images: headings, paragraphs, lists, tables, emphasis; no scripts, styles, links' scripts or event
 * attributes), filled with HTML-escaped values, and set as XHTML for the PDF renderer. A placeholder that is not one
 * of {@link #PLACEHOLDERS} is an error naming it. The signature blocks' placeholders print the anchors
 * {@link #SUB_ANCHOR} and {@link #GC_ANCHOR} in white 1-point text, where the signing engine can place signatures.
 */
@Component
public class AgreementTemplates {

    /** The anchor text of the subcontractor's signature block in the PDF. */
    public static final String SUB_ANCHOR = "[[sign:sub]]";
    /** The anchor text of the contractor's signature block in the PDF. */
    public static final String GC_ANCHOR = "[[sign:gc]]";

    public static final String SUB_SIGNATURE = "SUB_SIGNATURE";
    public static final String GC_SIGNATURE = "GC_SIGNATURE";

    /** Every placeholder a template may use. */
    // Published by insurance, which checks a program's template on save and cannot depend on this module.
    public static final List<String> PLACEHOLDERS = AgreementPlaceholders.NAMES;

    static final int MAX_LENGTH = 20_000;
    private static final Pattern PLACEHOLDER = AgreementPlaceholders.PATTERN;
    private static final Safelist ALLOWED = Safelist.relaxed().removeTags("img", "a");
    private static final String STYLE = "body { font-size: 10.5pt; line-height: 1.4; }"
            + " h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14pt; }"
            + " table { width: 100%; margin-top: 18pt; } td { width: 50%; vertical-align: top; padding: 4pt; }"
            // The signing engine draws a signature in the 45 pt above its anchor and the name and date in the 20 pt
            // below: the anchor sits at the foot of the space, above the line.
            + " .signature-line { display: block; border-bottom: 0.5pt solid #000000; padding-top: 44pt; height: 34pt; }"
            + " .signature-anchor { color: #ffffff; font-size: 1pt; }";

    /** A template that cannot be rendered: a sentence for the user naming what is wrong. */
    public static final class TemplateException extends IllegalArgumentException {
        public TemplateException(String message) {
            super(message);
        }
    }

    private final PdfRenderer pdf;
    private final String defaultTemplate;

    AgreementTemplates(PdfRenderer pdf) {
        this.pdf = pdf;
        try (InputStream in = AgreementTemplates.class.getResourceAsStream("/holdharmless/default-template.html")) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource /holdharmless/default-template.html");
            }
            this.defaultTemplate = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Our default template (the organizations' starting point). */
    public String defaultTemplate() {
        return defaultTemplate;
    }

    /** The template cleaned by the allow-list, as XHTML-compatible markup. */
    public String sanitised(String templateHtml) {
        if (templateHtml == null || templateHtml.isBlank()) {
            throw new TemplateException("The agreement template is empty.");
        }
        if (templateHtml.length() > MAX_LENGTH) {
            throw new TemplateException("The agreement template is longer than " + MAX_LENGTH + " characters.");
        }
        Document.OutputSettings output = new Document.OutputSettings().syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml).charset(StandardCharsets.UTF_8).prettyPrint(false);
        return Jsoup.clean(templateHtml, "", ALLOWED, output);
    }

    /**
     * The sanitised template with every placeholder replaced by its escaped value ({@code values} by placeholder
     * name, without the signature placeholders, which are ours). {@code forPdf}: signature anchors; else a visible
     * signature line for a preview.
     */
    public String fill(String templateHtml, Map<String, String> values, boolean forPdf) {
        String clean = sanitised(templateHtml);
        Map<String, String> markup = new LinkedHashMap<>();
        values.forEach((key, value) -> markup.put(key, escape(value == null ? "" : value)));
        markup.put(SUB_SIGNATURE, signatureBlock(SUB_ANCHOR, forPdf));
        markup.put(GC_SIGNATURE, signatureBlock(GC_ANCHOR, forPdf));
        Matcher matcher = PLACEHOLDER.matcher(clean);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            String value = markup.get(name);
            if (value == null || !PLACEHOLDERS.contains(name)) {
                throw new TemplateException(AgreementPlaceholders.unknownMessage(name));
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** The filled template as an XHTML document. */
    public String xhtml(String title, String filledBody) {
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/><title>" + escape(title)
                + "</title><style type=\"text/css\">" + STYLE + "</style></head><body>" + filledBody + "</body></html>";
    }

    /** The agreement PDF of {@code templateHtml} filled with {@code values}. */
    public byte[] pdf(String title, String templateHtml, Map<String, String> values) {
        String document = xhtml(title, fill(templateHtml, values, true));
        try {
            return pdf.render(document);
        } catch (IllegalArgumentException e) {
            throw new TemplateException("The agreement template could not be set as a PDF: " + e.getMessage());
        }
    }

    private static String signatureBlock(String anchor, boolean forPdf) {
        if (forPdf) {
            return "<span class=\"signature-line\"><span class=\"signature-anchor\">" + escape(anchor) + "</span></span>";
        }
        return "<span class=\"signature-line\">________________________________</span>";
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        continue;
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
