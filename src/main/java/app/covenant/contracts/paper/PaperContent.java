package app.covenant.contracts.paper;

/**
 * The searchable text of an uploaded file.
 *
 * @param text      plain text, {@code "\n"} between lines and {@code "\n\n"} between pages; at most
 *                  {@link PaperText#MAX_CHARACTERS} characters
 * @param hasText   whether the text has any letter or digit; {@code false} for a scan without a text layer (no OCR
 *                  is done here: contracts reads such a PDF later, in the background)
 * @param truncated whether pages or characters past the caps were left out
 */
public record PaperContent(PaperType type, String text, boolean hasText, boolean truncated) {
}
