package app.covenant.insurance.extraction;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * What an office scanner makes of a printed page: page 1 drawn in grey at about 200 dpi, turned a little (0.3–1.5°
 * either way) and shifted, with sensor noise, dust, a slight blur or a change of contrast, then stored as an
 * image-only PDF with JPEG compression. Everything follows from the seed, so a scan can be made again.
 */
final class Acord25Scans {

    static final int DPI = 200;

    private Acord25Scans() {
    }

    /** The certificate flattened, then scanned. */
    static byte[] scanned(Acord25Corpus.Certificate certificate) {
        return scan(Acord25Corpus.flattened(certificate), certificate.seed());
    }

    /** Page 1 of {@code pdf} scanned. */
    static byte[] scan(byte[] pdf, long seed) {
        Random random = new Random(seed * 7919 + 17);
        try (PDDocument source = Loader.loadPDF(pdf)) {
            PDRectangle size = source.getPage(0).getMediaBox();
            BufferedImage page = new PDFRenderer(source).renderImageWithDPI(0, DPI, ImageType.GRAY);
            BufferedImage image = degrade(page, random);
            return imageOnlyPdf(image, size, 0.45f + random.nextFloat() * 0.15f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage degrade(BufferedImage page, Random random) {
        int width = page.getWidth();
        int height = page.getHeight();
        double degrees = (0.3 + random.nextDouble() * 1.2) * (random.nextBoolean() ? 1 : -1);
        BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = turned.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform transform = new AffineTransform();
        // The sheet sits a few millimetres off the scanner's corner, and is turned about its centre.
        transform.translate(random.nextInt(31) - 15, random.nextInt(31) - 15);
        transform.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
        graphics.drawImage(page, transform, null);
        graphics.dispose();
        if (random.nextBoolean()) {
            float[] blur = new float[9];
            java.util.Arrays.fill(blur, 1f / 9);
            blur[4] = 1f / 9;
            turned = new ConvolveOp(new Kernel(3, 3, blur), ConvolveOp.EDGE_NO_OP, null).filter(turned, null);
        }
        // Contrast and brightness as a scanner's settings leave them: paper a little grey, ink not quite black.
        double contrast = 0.75 + random.nextDouble() * 0.25;
        double paper = 225 + random.nextInt(31);
        double sigma = 3 + random.nextDouble() * 6;
        double salt = 0.0005 + random.nextDouble() * 0.0015;
        var raster = turned.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double value = raster.getSample(x, y, 0);
                value = paper - (255 - value) * contrast + random.nextGaussian() * sigma;
                if (random.nextDouble() < salt) {
                    value = random.nextBoolean() ? 20 : 255;
                }
                raster.setSample(x, y, 0, (int) Math.max(0, Math.min(255, value)));
            }
        }
        return turned;
    }

    private static byte[] imageOnlyPdf(BufferedImage image, PDRectangle size, float quality) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(size.getWidth(), size.getHeight()));
            document.addPage(page);
            PDImageXObject jpeg = JPEGFactory.createFromImage(document, image, quality, DPI);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(jpeg, 0, 0, size.getWidth(), size.getHeight());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
