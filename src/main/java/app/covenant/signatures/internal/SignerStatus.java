package app.covenant.signatures.internal;

/** A signer waits for an earlier group, has been sent their link, signed, or declined. */
enum SignerStatus { WAITING, NOTIFIED, SIGNED, DECLINED }
