package app.covenant.contracts.compare;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * A run of text that both versions share ({@code EQUAL}), that only the newer one has ({@code INSERT}) or that only
 * the older one had ({@code DELETE}). The text is what a reader sees: words, punctuation and white space, with
 * {@code "\n"} for a line break and {@code "\n\n"} between paragraphs.
 */
public record DiffSegment(Kind kind, String text) {

    public enum Kind {
        EQUAL, INSERT, DELETE
    }

    public DiffSegment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    @JsonIgnore // the kind says it; not three more fields in the API
    public boolean isEqual() {
        return kind == Kind.EQUAL;
    }

    @JsonIgnore // the kind says it; not three more fields in the API
    public boolean isInsert() {
        return kind == Kind.INSERT;
    }

    @JsonIgnore // the kind says it; not three more fields in the API
    public boolean isDelete() {
        return kind == Kind.DELETE;
    }
}
