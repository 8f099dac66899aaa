package app.covenant.insurance.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** {@link Acord25Corpus}'s certificates for the tests of other packages (the workflow's readings). */
public final class Acord25Samples {

    private Acord25Samples() {
    }

    /** What certificate {@code seed} writes in each field (check boxes: {@code "1"} when checked). */
    public static Map<String, String> values(long seed) {
        return Acord25Corpus.generate(seed).values();
    }

    public static byte[] fillable(long seed) {
        return Acord25Corpus.fillable(Acord25Corpus.generate(seed));
    }

    public static byte[] flattened(long seed) {
        return Acord25Corpus.flattened(Acord25Corpus.generate(seed));
    }

    /** An image-only page, as a scanner makes it. */
    public static byte[] scan() {
        return Acord25Corpus.scan();
    }

    /** A scanned certificate of the stored corpus (an image-only PDF, turned and noisy), read only by OCR. */
    public static byte[] storedScan() {
        try (InputStream in = Acord25Samples.class.getResourceAsStream("/acord25-corpus/scanned-3400.pdf")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored phone photo (JPEG) of a certificate. */
    public static byte[] storedPhoto() {
        try (InputStream in = Acord25Samples.class.getResourceAsStream("/acord25-corpus/photo-3500.jpg")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG photo of a page of words that is no certificate. */
    public static byte[] notACertificatePhoto() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1275, 1650,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, 1275, 1650);
        graphics.setColor(java.awt.Color.BLACK);
        graphics.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 28));
        for (int line = 0; line < 20; line++) {
            graphics.drawString("INVOICE 10" + line + "  Concrete delivery, 12 yards, due on receipt", 90, 150 + 60 * line);
        }
        graphics.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A letter-size PDF with text that is no certificate. */
    public static byte[] invoice() {
        return Acord25Corpus.invoice();
    }

    /** A seed from {@code from} on whose certificate shows general liability and workers' compensation. */
    public static long withGlAndWc(long from) {
        for (long seed = from; ; seed++) {
            Map<String, String> values = values(seed);
            if (values.containsKey("Policy_GeneralLiability_PolicyNumberIdentifier_A")
                    && values.containsKey("Policy_WorkersCompensationAndEmployersLiability_PolicyNumberIdentifier_A")) {
                return seed;
            }
        }
    }
}
