package app.covenant.signatures.internal;

/** An envelope's life: out for signature, every signer signed and the seal being made, done, or declined. */
enum EnvelopeStatus { SENT, SEALING, COMPLETED, DECLINED }
