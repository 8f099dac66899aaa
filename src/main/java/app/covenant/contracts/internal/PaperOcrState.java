package app.covenant.contracts.internal;

/** Where scanned paper stands with OCR ({@code contracts.paper_ocr}). */
enum PaperOcrState {
    /** Uploaded without text; {@link PaperOcr} has not read it yet. */
    PENDING,
    /** Read; what was found (possibly nothing) is the searched text. */
    DONE,
    /** Could not be read (damaged, too slow, Tesseract failed): left without text, not tried again. */
    FAILED
}
