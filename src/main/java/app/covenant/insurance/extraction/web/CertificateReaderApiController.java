package app.covenant.insurance.extraction.web;

import app.covenant.insurance.extraction.Acord25Extraction;
import app.covenant.insurance.extraction.Acord25Ocr;
import app.covenant.insurance.extraction.CertificateReader;
import app.covenant.shared.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads an ACORD 25 without storing it, so a broker or sub can check what Covenant will see before uploading. A
 * file that is not a PDF nor a PNG or JPEG photo answers 415 (known by its first bytes); a PDF or photo that cannot be read answers 200 with status {@code FAILED} or
 * {@code NO_TEXT} and a plain message, like the extraction of a stored certificate. Oversized uploads are cut off
 * by the application's multipart limit (413). A scan is read by OCR where Tesseract is installed, which takes
 * seconds rather than milliseconds; so is a photo.
 */
@RestController
@RequestMapping(path = "/api/v1/acord25", produces = MediaType.APPLICATION_JSON_VALUE)
class CertificateReaderApiController {

    /** PDF readers accept the header anywhere in the first kilobyte. */
    private static final int HEADER_WINDOW = 1024;

    private final CertificateReader reader;

    CertificateReaderApiController(CertificateReader reader) {
        this.reader = reader;
    }

    @PreAuthorize("hasAuthority('coi:upload')")
    @Operation(summary = "Read an ACORD 25 certificate (multipart file) and answer the extracted fields; stores nothing")
    @PostMapping(path = "/extract", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Acord25Extraction extract(@RequestParam(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "Choose an ACORD 25 PDF or photo to read.");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw ProblemException.invalid("file", "The upload could not be read.");
        }
        if (!isPdf(bytes) && !Acord25Ocr.isPhoto(bytes)) {
            throw new ProblemException(415, "An ACORD 25 certificate must be a PDF, or a PNG or JPEG photo of it; "
                    + "this file is neither.");
        }
        return reader.read(bytes);
    }

    private static boolean isPdf(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, HEADER_WINDOW), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }
}
