package app.covenant.insurance.extraction;

import static org.assertj.core.api.Assertions.fail;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * OCR tests need Tesseract (Debian's {@code tesseract-ocr}, {@code tesseract-ocr-eng}). Without it they are skipped
 * with a message saying what to install, except where it is required ({@code COVENANT_REQUIRE_TESSERACT=true}, as
 * {@code .ci/run} sets): there they fail, so a missing Tesseract never passes silently.
 */
final class OcrRequirement {

    static final String MESSAGE = "Tesseract is needed to read scanned certificates but does not run here. Install "
            + "the Debian packages tesseract-ocr and tesseract-ocr-eng (.ci/run does).";

    private OcrRequirement() {
    }

    static void require(Acord25Ocr ocr) {
        require(ocr.available(), System.getenv());
    }

    static void require(boolean available, Map<String, String> environment) {
        if (available) {
            return;
        }
        if ("true".equalsIgnoreCase(environment.get("COVENANT_REQUIRE_TESSERACT"))) {
            fail(MESSAGE);
        }
        System.err.println("WARNING: OCR tests skipped. " + MESSAGE);
        Assumptions.abort("Skipped: " + MESSAGE);
    }
}
