package app.covenant.insurance.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The skew of a page is found and taken out, either way; specks go, strokes stay. */
class ScanCleaningTest {

    @Test
    void a_turned_page_is_measured_and_turned_straight() {
        for (double degrees : List.of(-1.4, -0.4, 0.0, 0.7, 1.5)) {
            BufferedImage page = rows(degrees);
            double skew = ScanCleaning.skew(page);
            assertThat(Math.abs(skew)).as("turned %s°", degrees).isCloseTo(Math.abs(degrees), within(0.15));
            assertThat(ScanCleaning.skew(ScanCleaning.straighten(page, skew))).as("straightened from %s°", degrees)
                    .isCloseTo(0.0, within(0.15));
        }
    }

    @Test
    void the_median_filter_removes_specks_and_keeps_strokes() {
        BufferedImage page = new BufferedImage(60, 60, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = page.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 60, 60);
        graphics.setColor(Color.BLACK);
        graphics.fillRect(10, 20, 40, 4);
        graphics.dispose();
        page.getRaster().setSample(40, 45, 0, 0);
        BufferedImage cleaned = ScanCleaning.median(page);
        assertThat(cleaned.getRaster().getSample(40, 45, 0)).isEqualTo(255);
        assertThat(cleaned.getRaster().getSample(30, 22, 0)).isZero();
    }

    /** Rows of "text" (dashes with gaps), turned by the given angle about the page's centre. */
    private static BufferedImage rows(double degrees) {
        BufferedImage page = new BufferedImage(1200, 1500, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = page.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 1200, 1500);
        graphics.rotate(Math.toRadians(degrees), 600, 750);
        graphics.setColor(Color.BLACK);
        for (int y = 100; y < 1400; y += 30) {
            for (int x = 100; x < 1100; x += 50) {
                graphics.fillRect(x, y, 36, 10);
            }
        }
        graphics.dispose();
        return page;
    }
}
