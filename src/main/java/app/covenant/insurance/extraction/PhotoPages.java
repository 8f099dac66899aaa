package app.covenant.insurance.extraction;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A phone photo (JPEG or PNG) of a certificate made ready for OCR: decoded within limits, grey, cut to the bright
 * sheet on its darker background, scaled so the sheet is about as many pixels as a page at the OCR resolution, and
 * evened out where the light fell unevenly (each pixel divided by the paper's local brightness). EXIF orientation
 * is not applied: a photo taken sideways is not read.
 */
final class PhotoPages {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    static final String TOO_LARGE = "The photo is too large to read (more than 10 MB or 40 megapixels). Take it "
            + "again at a lower resolution, or upload the certificate as a PDF.";
    static final String UNREADABLE = "The photo could not be opened as a JPEG or PNG image.";

    /** Side of the squares whose brightest pixel stands for the paper there. */
    private static final int BLOCK = 48;

    private PhotoPages() {
    }

    /** A JPEG or PNG by its first bytes, whatever the file is called. */
    static boolean isPhoto(byte[] bytes) {
        return isPng(bytes) || isJpeg(bytes);
    }

    static boolean isPng(byte[] bytes) {
        return bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
    }

    static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
    }

    /** The outcome: the page image, or the plain reason it was refused. */
    record Prepared(Optional<BufferedImage> page, String problem) {
    }

    static Prepared prepare(byte[] bytes, int dpi) {
        if (bytes.length > MAX_BYTES) {
            return new Prepared(Optional.empty(), TOO_LARGE);
        }
        BufferedImage decoded;
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                return new Prepared(Optional.empty(), UNREADABLE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                // The size from the header, before a pixel is decoded: a small file can claim a huge image.
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    return new Prepared(Optional.empty(), TOO_LARGE);
                }
                decoded = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new Prepared(Optional.empty(), UNREADABLE);
        }
        BufferedImage grey = grey(decoded, decoded.getWidth(), decoded.getHeight());
        int[] sheet = sheet(grey);
        BufferedImage cut = grey.getSubimage(sheet[0], sheet[1], sheet[2] - sheet[0], sheet[3] - sheet[1]);
        double scale = Acord25Form.PAGE_WIDTH / 72.0 * dpi / cut.getWidth();
        int width = Math.max(1, (int) Math.round(cut.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(cut.getHeight() * scale));
        return new Prepared(Optional.of(evenLight(grey(cut, width, height))), "");
    }

    private static BufferedImage grey(BufferedImage source, int width, int height) {
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = grey.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(source, 0, 0, width, height, null);
        graphics.dispose();
        return grey;
    }

    /**
     * The sheet's box {left, top, right, bottom}: the columns and rows mostly brighter than halfway between the
     * background and the paper. The whole image when no such sheet stands out (a scan, a screenshot).
     */
    static int[] sheet(BufferedImage grey) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        byte[] pixels = ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int[] histogram = new int[256];
        for (byte pixel : pixels) {
            histogram[pixel & 0xff]++;
        }
        int dark = percentile(histogram, pixels.length, 0.03);
        int light = percentile(histogram, pixels.length, 0.90);
        if (light - dark < 40) {
            return new int[] {0, 0, width, height};
        }
        int threshold = (dark + light) / 2;
        int[] columns = new int[width];
        int[] rows = new int[height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if ((pixels[y * width + x] & 0xff) > threshold) {
                    columns[x]++;
                    rows[y]++;
                }
            }
        }
        int left = first(columns, height / 2, false);
        int right = first(columns, height / 2, true) + 1;
        int top = first(rows, width / 2, false);
        int bottom = first(rows, width / 2, true) + 1;
        if (left < 0 || top < 0 || right - left < width / 3 || bottom - top < height / 3) {
            return new int[] {0, 0, width, height};
        }
        return new int[] {left, top, right, bottom};
    }

    private static int percentile(int[] histogram, int total, double share) {
        long seen = 0;
        for (int value = 0; value < 256; value++) {
            seen += histogram[value];
            if (seen >= total * share) {
                return value;
            }
        }
        return 255;
    }

    private static int first(int[] counts, int least, boolean fromEnd) {
        for (int i = 0; i < counts.length; i++) {
            int index = fromEnd ? counts.length - 1 - i : i;
            if (counts[index] > least) {
                return index;
            }
        }
        return -1;
    }

    /** Each pixel over the paper's brightness around it (the brightest of nearby blocks, blended), times white. */
    static BufferedImage evenLight(BufferedImage grey) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        byte[] pixels = ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int columns = (width + BLOCK - 1) / BLOCK;
        int rows = (height + BLOCK - 1) / BLOCK;
        double[][] paper = new double[rows][columns];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value = pixels[y * width + x] & 0xff;
                if (value > paper[y / BLOCK][x / BLOCK]) {
                    paper[y / BLOCK][x / BLOCK] = value;
                }
            }
        }
        // A block all ink (a heavy title) has no paper in it: its neighbours' brightest stands in.
        double[][] smooth = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double best = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr, cc = c + dc;
                        if (rr >= 0 && rr < rows && cc >= 0 && cc < columns) {
                            best = Math.max(best, paper[rr][cc]);
                        }
                    }
                }
                smooth[r][c] = Math.max(32, best);
            }
        }
        BufferedImage even = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) even.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            double fy = Math.clamp((y + 0.5) / BLOCK - 0.5, 0, rows - 1);
            int r0 = (int) fy;
            int r1 = Math.min(rows - 1, r0 + 1);
            double ty = fy - r0;
            for (int x = 0; x < width; x++) {
                double fx = Math.clamp((x + 0.5) / BLOCK - 0.5, 0, columns - 1);
                int c0 = (int) fx;
                int c1 = Math.min(columns - 1, c0 + 1);
                double tx = fx - c0;
                double background = (smooth[r0][c0] * (1 - tx) + smooth[r0][c1] * tx) * (1 - ty)
                        + (smooth[r1][c0] * (1 - tx) + smooth[r1][c1] * tx) * ty;
                int value = (int) Math.round(255.0 * (pixels[y * width + x] & 0xff) / background);
                out[y * width + x] = (byte) Math.min(255, value);
            }
        }
        return even;
    }
}
