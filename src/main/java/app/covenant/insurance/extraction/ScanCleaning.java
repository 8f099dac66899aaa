package app.covenant.insurance.extraction;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A scanned page made easier to read before OCR: a 3×3 median filter takes out the dust and sensor noise that
 * Tesseract would otherwise read as stray marks and short nonsense words, and keeps the edges of letters.
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
