package app.covenant.insurance.extraction;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How scanned certificates are read (README, configuration: {@code INSURANCE_OCR_COMMAND},
 * {@code INSURANCE_OCR_TIME_LIMIT}).
 *
 * @param command   the Tesseract executable, a name on the PATH or an absolute path; without it scans are not read
 * @param timeLimit how long one page may take before Tesseract is stopped (a page takes seconds)
 * @param dpi       resolution the page is drawn at for Tesseract
 */
@ConfigurationProperties("covenant.insurance.ocr")
public record OcrProperties(String command, Duration timeLimit, Integer dpi) {

    public OcrProperties {
        if (command == null || command.isBlank()) {
            command = "tesseract";
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            timeLimit = Duration.ofSeconds(60);
        }
        if (dpi == null) {
            dpi = 300;
        }
        if (dpi < 100 || dpi > 600) {
            throw new IllegalArgumentException("covenant.insurance.ocr.dpi must be between 100 and 600: " + dpi);
        }
    }

    static OcrProperties defaults() {
        return new OcrProperties(null, null, null);
    }
}
