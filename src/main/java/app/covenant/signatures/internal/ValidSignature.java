package app.covenant.signatures.internal;

import app.covenant.signatures.SignatureInput.SignatureType;

/** A signature that passed {@link SignatureCheck}: a typed name, or the bytes of a real PNG. */
record ValidSignature(String signerName, SignatureType type, String typedSignature, byte[] png) {
}
