package app.covenant.insurance.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Photo preparation's limits and the projective fit, without OCR. */
class PhotoPagesTest {

    @Test
    void photos_are_known_by_their_first_bytes() {
        assertThat(PhotoPages.isPhoto(png(10, 10))).isTrue();
        assertThat(PhotoPages.isPhoto(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0})).isTrue();
        assertThat(PhotoPages.isPhoto("%PDF-1.7".getBytes())).isFalse();
        assertThat(PhotoPages.isPhoto("GIF89a....".getBytes())).isFalse();
    }

    @Test
    void a_photo_claiming_more_than_40_megapixels_is_refused_before_it_is_decoded() {
        byte[] small = png(1, 1);
        // The header (IHDR) says 8000 × 8000; the pixels are never decoded.
        ByteBuffer.wrap(small).putInt(16, 8000).putInt(20, 8000);
        assertThat(PhotoPages.prepare(small, 300).problem()).isEqualTo(PhotoPages.TOO_LARGE);
        assertThat(PhotoPages.prepare(new byte[(int) PhotoPages.MAX_BYTES + 1], 300).problem())
                .isEqualTo(PhotoPages.TOO_LARGE);
        assertThat(PhotoPages.prepare(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0}, 300).problem())
                .isEqualTo(PhotoPages.UNREADABLE);
    }

    @Test
    void a_photo_is_scaled_so_its_sheet_is_a_page_at_the_resolution_asked() {
        BufferedImage photo = new BufferedImage(1000, 1300, BufferedImage.TYPE_BYTE_GRAY);
        var graphics = photo.createGraphics();
        graphics.setColor(new java.awt.Color(60, 60, 60));
        graphics.fillRect(0, 0, 1000, 1300);
        graphics.setColor(new java.awt.Color(220, 220, 220));
        graphics.fillRect(100, 100, 850, 1100);
        graphics.dispose();
        BufferedImage page = PhotoPages.prepare(encode(photo), 300).page().orElseThrow();
        assertThat(page.getWidth()).isBetween(2540, 2560);
        assertThat(page.getHeight()).isBetween(3290, 3310);
    }

    @Test
    void the_projective_fit_recovers_a_slanted_map() {
        double[] truth = {0.24, 0.01, 5, -0.008, 0.25, 12, 0.00002, -0.00001};
        List<Homography.Pair> pairs = new java.util.ArrayList<>();
        for (int u = 0; u <= 2400; u += 400) {
            for (int v = 0; v <= 3000; v += 500) {
                double w = truth[6] * u + truth[7] * v + 1;
                pairs.add(new Homography.Pair(u, v, (truth[0] * u + truth[1] * v + truth[2]) / w,
                        (truth[3] * u + truth[4] * v + truth[5]) / w));
            }
        }
        double[] fitted = Homography.fit(pairs).orElseThrow();
        for (int i = 0; i < 8; i++) {
            assertThat(fitted[i]).isCloseTo(truth[i], org.assertj.core.data.Offset.offset(Math.abs(truth[i]) * 1e-6 + 1e-9));
        }
        double[] back = Homography.inverse(fitted);
        Homography.Pair pair = pairs.get(17);
        double w = back[6] * pair.x() + back[7] * pair.y() + 1;
        assertThat((back[0] * pair.x() + back[1] * pair.y() + back[2]) / w).isCloseTo(pair.u(),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    private static byte[] png(int width, int height) {
        return encode(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY));
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
