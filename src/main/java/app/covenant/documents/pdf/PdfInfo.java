package app.covenant.documents.pdf;

import java.time.Instant;

/** The document information dictionary; any value may be {@code null}, as PDFs often leave them out. */
public record PdfInfo(String title, String author, String creator, String producer, Instant created) {
}
