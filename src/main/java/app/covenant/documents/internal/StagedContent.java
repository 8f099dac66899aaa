package app.covenant.documents.internal;

import app.covenant.documents.StagedDocument;

/** Checked content already written under {@code storageKey}; the key never leaves this module. */
record StagedContent(String storageKey, String name, String contentType, long sizeBytes, String sha256)
        implements StagedDocument {

    static StagedContent of(StagedDocument staged) {
        if (staged instanceof StagedContent content) {
            return content;
        }
        throw new IllegalArgumentException("Only content staged by DocumentStorage.stage can be stored");
    }
}
