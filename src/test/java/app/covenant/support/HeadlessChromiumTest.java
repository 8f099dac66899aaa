package app.covenant.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Without Chromium a browser test is skipped on a developer's machine, and fails in CI. */
class HeadlessChromiumTest {

    @Test
    void aMissingBrowserSkipsOutsideCi() {
        assertThatThrownBy(() -> HeadlessChromium.missing("no chromium", Map.of()))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("no chromium");
    }

    @Test
    void aMissingBrowserFailsInCi() {
        assertThatThrownBy(() -> HeadlessChromium.missing("no chromium", Map.of("CI", "true")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no chromium");
        assertThatThrownBy(() -> HeadlessChromium.missing("no chromium", Map.of("COVENANT_REQUIRE_CHROMIUM", "true")))
                .isInstanceOf(AssertionError.class);
    }
}
