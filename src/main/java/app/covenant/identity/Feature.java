package app.covenant.identity;

/** Per-organization switches. Off unless an administrator turns them on. */
public enum Feature {
    /** Contracts also need finance approval. */
    FINANCE_WORKFLOW,
    /** AI analysis of contracts, where a provider is configured. */
    AI_ANALYSIS,
    /** Text recognition of scanned uploads, where Tesseract is installed. */
    OCR,
    /** Contracts may go to the counterparty while still in review. */
    PARALLEL_NEGOTIATION
}
