package app.covenant.signatures.internal;

import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.problem.ProblemException.FieldError;
import app.covenant.signatures.SignatureInput;
import app.covenant.signatures.SignatureInput.SignatureType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/** Checks a submitted signature before anything is recorded: consent, a name, and a typed text or a real PNG. */
final class SignatureCheck {

    static final int MAX_PNG_BYTES = 200 * 1024;
    private static final String PNG_DATA_URL = "data:image/png;base64,";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private SignatureCheck() {
    }

    static ValidSignature check(SignatureInput input) {
        if (input == null) {
            throw ProblemException.invalid("consent", "Agree to sign electronically first.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!Boolean.TRUE.equals(input.consent())) {
            errors.add(new FieldError("consent", "Agree to sign electronically first."));
        }
        String name = input.signerName() == null ? "" : input.signerName().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("signerName", "Give your full name (at most 200 characters)."));
        }
        if (input.type() == null) {
            errors.add(new FieldError("signatureType", "Choose TYPED or DRAWN."));
        }
        String typed = null;
        byte[] png = null;
        if (input.type() == SignatureType.TYPED) {
            typed = input.typedSignature() == null ? "" : input.typedSignature().strip();
            if (typed.isEmpty() || typed.length() > 200) {
                errors.add(new FieldError("typedSignature", "Type your signature (at most 200 characters)."));
            }
        } else if (input.type() == SignatureType.DRAWN) {
            png = png(input.imageDataUrl(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ValidSignature(name, input.type(), typed, png);
    }

    private static byte[] png(String dataUrl, List<FieldError> errors) {
        if (dataUrl == null || !dataUrl.startsWith(PNG_DATA_URL)) {
            errors.add(new FieldError("imageDataUrl", "Draw your signature (a data:image/png;base64 URL)."));
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("imageDataUrl", "The drawing is not valid base64."));
            return null;
        }
        if (bytes.length > MAX_PNG_BYTES) {
            errors.add(new FieldError("imageDataUrl", "The drawing is larger than 200 KB."));
            return null;
        }
        if (bytes.length < PNG_MAGIC.length || !Arrays.equals(bytes, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length)
                || !decodes(bytes)) {
            errors.add(new FieldError("imageDataUrl", "The drawing is not a PNG image."));
            return null;
        }
        return bytes;
    }

    private static boolean decodes(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            return image != null && image.getWidth() > 0 && image.getHeight() > 0
                    && image.getWidth() <= 4000 && image.getHeight() <= 4000;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
