package app.covenant.signatures.internal;

import java.util.UUID;

/** Every signer of the envelope signed: its final PDF is to be built and sealed, after the commit. */
public record SealDue(UUID envelopeId) {
}
