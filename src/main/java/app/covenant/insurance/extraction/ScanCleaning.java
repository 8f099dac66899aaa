package app.covenant.insurance.extraction;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A scanned page made easier to read before OCR: a 3×3 median filter takes out the dust and sensor noise that
 * Tesseract would otherwise read as stray marks and short nonsense words, and keeps the edges of letters; and the
 * page is turned straight, because a row of the form turned by 1.5° drifts by three rows of text across the page,
 * and Tesseract then mixes the rows.
 */
final class ScanCleaning {

    private ScanCleaning() {
    }

    static BufferedImage median(BufferedImage grey) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        BufferedImage source = grey;
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            source = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            source.getGraphics().drawImage(grey, 0, 0, null);
        }
        byte[] in = ((DataBufferByte) source.getRaster().getDataBuffer()).getData();
        BufferedImage cleaned = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) cleaned.getRaster().getDataBuffer()).getData();
        int[] window = new int[9];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                    out[y * width + x] = in[y * width + x];
                    continue;
                }
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int row = (y + dy) * width + x;
                    window[k++] = in[row - 1] & 0xff;
                    window[k++] = in[row] & 0xff;
                    window[k++] = in[row + 1] & 0xff;
                }
                out[y * width + x] = (byte) medianOfNine(window);
            }
        }
        return cleaned;
    }

    /** Largest skew looked for, in degrees: a sheet fed into a scanner, not a photograph at an angle. */
    static final double MAX_SKEW = 3;
    private static final double STEP = 0.05;
    private static final int SAMPLE = 4;

    /**
     * The page's skew in degrees, by projection profiles: the angle at which the ink, summed along rows, is most
     * concentrated (text rows and their gaps line up). Measured on every fourth pixel each way.
     */
    static double skew(BufferedImage grey) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int count = 0;
        int[] xs = new int[(width / SAMPLE + 1) * (height / SAMPLE + 1)];
        int[] ys = new int[xs.length];
        for (int y = 0; y < height; y += SAMPLE) {
            for (int x = 0; x < width; x += SAMPLE) {
                if ((pixels[y * width + x] & 0xff) < 128) {
                    xs[count] = x;
                    ys[count] = y;
                    count++;
                }
            }
        }
        double best = 0;
        double bestScore = -1;
        int rows = height + width;
        long[] histogram = new long[rows / SAMPLE + 2];
        for (double degrees = -MAX_SKEW; degrees <= MAX_SKEW + 1e-9; degrees += STEP) {
            double slope = Math.tan(Math.toRadians(degrees));
            java.util.Arrays.fill(histogram, 0);
            for (int i = 0; i < count; i++) {
                int row = (int) Math.round((ys[i] - xs[i] * slope + width) / SAMPLE);
                if (row >= 0 && row < histogram.length) {
                    histogram[row]++;
                }
            }
            double score = 0;
            for (long bucket : histogram) {
                score += (double) bucket * bucket;
            }
            if (score > bestScore) {
                bestScore = score;
                best = degrees;
            }
        }
        return best;
    }

    /** The page turned by {@code -degrees} about its centre, so rows at that skew become level; white fills in. */
    static BufferedImage straighten(BufferedImage grey, double degrees) {
        if (Math.abs(degrees) < STEP) {
            return grey;
        }
        BufferedImage level = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D graphics = level.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, level.getWidth(), level.getHeight());
        graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.rotate(Math.toRadians(-degrees), grey.getWidth() / 2.0, grey.getHeight() / 2.0);
        graphics.drawImage(grey, 0, 0, null);
        graphics.dispose();
        return level;
    }

    /** Insertion sort of nine values: quicker than a general sort at this size. */
    private static int medianOfNine(int[] v) {
        for (int i = 1; i < 9; i++) {
            int value = v[i];
            int j = i - 1;
            while (j >= 0 && v[j] > value) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = value;
        }
        return v[4];
    }
}
