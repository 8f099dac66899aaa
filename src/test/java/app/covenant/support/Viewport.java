package app.covenant.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A device's screen in the headless Chromium (its metrics emulated through the DevTools protocol, as the
 * browser's device toolbar does), and what a page looks like on it: whether anything is wider than the
 * screen, and a screenshot of the whole page.
 */
public final class Viewport {

    public static final Viewport PHONE = new Viewport("phone", 390, 844);
    public static final Viewport TABLET = new Viewport("tablet", 820, 1180);
    public static final Viewport TABLET_LANDSCAPE = new Viewport("tablet-landscape", 1024, 768);

    /**
     * The page's width against the screen's ({@code arguments[0]}) and the window's, and when it is wider,
     * the innermost visible elements that reach past the right edge without a box that scrolls or clips
     * them (or, when there are none, any that reach past it): where to look for the cause.
     */
    private static final String OVERFLOW = """
            const width = arguments[0];
            const result = {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, offenders: []};
            if (result.scrollWidth <= width) return result;
            const contained = el => {
              for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
              }
              return false;
            };
            const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
              + (el.classList.length ? '.' + Array.from(el.classList).join('.') : '');
            const path = el => {
              const parts = [];
              for (let e = el; e && e !== document.body && parts.length < 5; e = e.parentElement) parts.unshift(name(e));
              return parts.join(' > ');
            };
            const sticksOut = el => {
              const box = el.getBoundingClientRect();
              return (box.width > 0 || box.height > 0) && box.right > width + 1 && !contained(el);
            };
            let all = Array.from(document.body.querySelectorAll('*')).filter(sticksOut);
            // Positioned elements escape a scrolling box that is not their containing block: then name any.
            if (all.length === 0) all = Array.from(document.body.querySelectorAll('*'))
              .filter(el => el.getBoundingClientRect().right > width + 1);
            const innermost = all.filter(el => !Array.from(el.children).some(sticksOut));
            result.offenders = innermost.slice(0, 6).map(el => path(el) + ' (right edge at '
              + Math.round(el.getBoundingClientRect().right) + 'px, "' + (el.textContent || '').trim().slice(0, 40) + '")');
            return result;
            """;

    private final String name;
    private final int width;
    private final int height;

    private Viewport(String name, int width, int height) {
        this.name = name;
        this.width = width;
        this.height = height;
    }

    public String name() {
        return name;
    }

    public int width() {
        return width;
    }

    /**
     * Lays the open page (and the next ones) out for this screen, with touch. Not as a "mobile" device:
     * that zooms out to show a page wider than the screen, widening the layout with it, which hides what
     * sticks out.
     */
    public void apply(ChromeDriver browser) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
    }

    /** How the open page fits this screen. */
    public Fit fit(ChromeDriver browser) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) browser.executeScript(OVERFLOW, width);
        @SuppressWarnings("unchecked")
        List<String> offenders = (List<String>) result.get("offenders");
        return new Fit(width, ((Number) result.get("scrollWidth")).intValue(), ((Number) result.get("innerWidth")).intValue(),
                offenders);
    }

    /** The whole open page, not only what the screen shows, as a PNG at {@code file}. */
    public void screenshot(ChromeDriver browser, Path file) throws IOException {
        Number pageHeight = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        int shotHeight = Math.min(Math.max(pageHeight.intValue(), height), 6000);
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", shotHeight, "scale", 1)));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /**
     * The page's width and the window's; {@code offenders} say what sticks out when the page is wider than
     * the screen. A browser zooming out to show a wider page would widen the window too: so the page must
     * be no wider than the window, and the window as wide as the screen.
     */
    public record Fit(int screenWidth, int scrollWidth, int innerWidth, List<String> offenders) {

        public boolean fits() {
            return scrollWidth <= innerWidth && innerWidth == screenWidth;
        }
    }
}
