package app.covenant.signatures;

import app.covenant.signatures.internal.Disclosure;

/**
 * The consent to sign electronically that every signing page shows before a signature (the text a signer accepts
 * and the version the engine records with it), for modules with a signing page of their own.
 */
public final class SigningConsent {

    /** The disclosure a signer accepts. */
    public static final String TEXT = Disclosure.TEXT;

    /** The version of {@link #TEXT} recorded with every signature. */
    public static final String VERSION = Disclosure.VERSION;

    private SigningConsent() {
    }
}
