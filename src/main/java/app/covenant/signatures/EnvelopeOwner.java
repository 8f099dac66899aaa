package app.covenant.signatures;

import java.util.Objects;
import java.util.UUID;

/** The record of another module an envelope serves, such as {@code holdharmless} and an agreement id. */
public record EnvelopeOwner(String module, UUID recordId) {

    public EnvelopeOwner {
        Objects.requireNonNull(recordId, "recordId");
        if (module == null || !module.matches("[a-z][a-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("owner module must be a module name");
        }
    }
}
