package app.covenant.signatures.internal;

/**
 * The consent to do business electronically that a signer accepts before signing. Its version is recorded
 * with every signature; a changed text gets a new version, never an edit of an old one.
 */
public final class Disclosure {

    public static final String VERSION = "ESIGN_DISCLOSURE_V1";

    public static final String TEXT = "By checking this box and signing, you agree to use electronic records and "
            + "signatures for this document, and that your electronic signature has the same legal effect as a "
            + "handwritten one. You may instead ask the sender for a paper copy to sign by hand; you may withdraw "
            + "this consent before you sign by declining. To open the document you need a device that shows PDF files. "
            + "Once everyone has signed, the completed document is e-mailed or made available to you, and you may "
            + "print or download it.";

    private Disclosure() {
    }
}
