package app.covenant.documents.pdf;

/**
 * A rectangle on one page, in points (1/72 inch) from the page's top-left corner with y growing
 * downward: the coordinates of PDFBox's text positions, so a box measured on a rendered page of a
 * form (e.g. an ACORD 25 field) can be written down as is.
 *
 * @param page 1-based page number
 */
public record PdfArea(int page, float x, float y, float width, float height) {

    public PdfArea {
        if (page < 1) {
            throw new IllegalArgumentException("Pages are numbered from 1, got " + page);
        }
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("An area needs a non-negative origin and a positive size");
        }
    }
}
