package app.covenant.insurance.extraction;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * What a phone makes of a printed certificate lying on a desk: the flattened page drawn in grey, seen at a slant
 * (a trapezoid, its top or bottom edge 2–4% shorter), turned 1–3° either way, on a darker background, lit unevenly
 * (a gradient across the sheet), with sensor noise, saved as a JPEG at quality 0.8. Everything follows from the seed.
 */
final class Acord25Photos {

    /** The page's resolution before the slant: a 12-megapixel phone's sheet is about this. */
    static final int DPI = 220;

    private Acord25Photos() {
    }

    static byte[] photo(Acord25Corpus.Certificate certificate) {
        return photo(Acord25Corpus.flattened(certificate), certificate.seed());
    }

    static byte[] photo(byte[] pdf, long seed) {
        Random random = new Random(seed * 104729 + 31);
        try (PDDocument source = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(source).renderImageWithDPI(0, DPI, ImageType.GRAY);
            return jpeg(take(page, random), 0.8f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage take(BufferedImage page, Random random) {
        int pw = page.getWidth();
        int ph = page.getHeight();
        int margin = (int) (pw * (0.05 + random.nextDouble() * 0.04));
        int width = pw + 2 * margin;
        int height = ph + 2 * margin;
        double shorter = (0.02 + random.nextDouble() * 0.02) * pw / 2;
        boolean topShorter = random.nextBoolean();
        double[][] corners = {
                {margin + (topShorter ? shorter : 0), margin}, {margin + pw - (topShorter ? shorter : 0), margin},
                {margin + pw - (topShorter ? 0 : shorter), margin + ph}, {margin + (topShorter ? 0 : shorter), margin + ph}};
        double angle = Math.toRadians((1 + random.nextDouble() * 2) * (random.nextBoolean() ? 1 : -1));
        double cx = width / 2.0;
        double cy = height / 2.0;
        double[][] page4 = {{0, 0}, {pw, 0}, {pw, ph}, {0, ph}};
        List<Homography.Pair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0] - cx;
            double y = corners[i][1] - cy;
            double rx = cx + x * Math.cos(angle) - y * Math.sin(angle);
            double ry = cy + x * Math.sin(angle) + y * Math.cos(angle);
            // From the photo's pixel back to the page's: the map each photo pixel is drawn through.
            pairs.add(new Homography.Pair(rx, ry, page4[i][0], page4[i][1]));
        }
        double[] m = Homography.fit(pairs).orElseThrow();
        double background = 50 + random.nextInt(50);
        double lightFrom = 0.68 + random.nextDouble() * 0.12;
        double gx = random.nextDouble() - 0.5;
        double gy = random.nextDouble() - 0.5;
        double norm = Math.hypot(gx, gy);
        double sigma = 4 + random.nextDouble() * 4;
        var source = page.getRaster();
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        var raster = photo.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double w = m[6] * x + m[7] * y + 1;
                double u = (m[0] * x + m[1] * y + m[2]) / w;
                double v = (m[3] * x + m[4] * y + m[5]) / w;
                double along = ((x - cx) * gx + (y - cy) * gy) / norm / Math.hypot(cx, cy);
                double light = lightFrom + (1 - lightFrom) * (along + 1) / 2;
                double value;
                if (u >= 0 && v >= 0 && u < pw - 1 && v < ph - 1) {
                    int u0 = (int) u;
                    int v0 = (int) v;
                    double tu = u - u0;
                    double tv = v - v0;
                    double ink = (source.getSample(u0, v0, 0) * (1 - tu) + source.getSample(u0 + 1, v0, 0) * tu) * (1 - tv)
                            + (source.getSample(u0, v0 + 1, 0) * (1 - tu) + source.getSample(u0 + 1, v0 + 1, 0) * tu) * tv;
                    value = (30 + ink * 0.88) * light;
                } else {
                    value = background * light;
                }
                value += random.nextGaussian() * sigma;
                raster.setSample(x, y, 0, (int) Math.max(0, Math.min(255, value)));
            }
        }
        return photo;
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
