package app.covenant.signatures;

/**
 * A signature as submitted: a typed name or a drawn one ({@code data:image/png;base64,…}, at most 200 KB),
 * the signer's name as they confirm it, and their consent to sign electronically.
 */
public record SignatureInput(String signerName, SignatureType type, String typedSignature, String imageDataUrl,
                             Boolean consent) {

    public enum SignatureType { TYPED, DRAWN }
}
