package app.covenant.documents.pdf;

import java.util.List;

/** A document's text, one entry per page in page order. */
public record PdfText(List<String> pages) {

    public PdfText {
        pages = List.copyOf(pages);
    }

    /** All pages, separated by form feeds so callers can still tell where a page ended. */
    public String all() {
        return String.join("\f", pages);
    }

    /**
     * Whether any page carries extractable text. A scanned document is pictures of pages: it has
     * none, and a caller wanting its words must run OCR instead.
     */
    public boolean hasText() {
        return pages.stream().anyMatch(page -> !page.isBlank());
    }
}
