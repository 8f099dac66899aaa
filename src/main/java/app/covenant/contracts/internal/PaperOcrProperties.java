package app.covenant.contracts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How scanned third-party paper is read (README, configuration: {@code CONTRACTS_OCR_CRON}; the command and the time
 * limit are the server's one Tesseract, {@code INSURANCE_OCR_COMMAND} and {@code INSURANCE_OCR_TIME_LIMIT}).
 *
 * @param command   the Tesseract executable, a name on the PATH or an absolute path; without it scans keep no text
 * @param timeLimit how long one page may take before Tesseract is stopped
 * @param cron      when {@value PaperOcr#TASK_NAME} looks for scans to read (Spring cron with seconds); {@code -} never
 */
@ConfigurationProperties("covenant.contracts.paper-ocr")
public record PaperOcrProperties(String command, Duration timeLimit, String cron) {

    public PaperOcrProperties {
        if (command == null || command.isBlank()) {
            command = "tesseract";
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            timeLimit = Duration.ofSeconds(60);
        }
        if (cron == null || cron.isBlank()) {
            cron = "30 * * * * *";
        }
    }
}
