package app.covenant.insurance.extraction;

import app.covenant.insurance.extraction.Acord25Extraction.Status;
import org.springframework.stereotype.Component;

/**
 * The one way in for reading an ACORD 25: its form or its text first (milliseconds), and only for a scan, OCR
 * (seconds) where Tesseract is installed; where it is not, the answer says so.
 */
@Component
public class CertificateReader {

    private final Acord25Extractor extractor;
    private final Acord25Ocr ocr;

    public CertificateReader(Acord25Extractor extractor, Acord25Ocr ocr) {
        this.extractor = extractor;
        this.ocr = ocr;
    }

    /** A PDF, or a JPEG or PNG photo of the certificate (known by its first bytes), which only OCR reads. */
    public Acord25Extraction read(byte[] pdf) {
        if (PhotoPages.isPhoto(pdf)) {
            return ocr.available() ? ocr.read(pdf) : Acord25Extraction.unread(Status.NO_TEXT, Acord25Ocr.PHOTO_UNAVAILABLE);
        }
        Acord25Extraction extraction = extractor.extract(pdf);
        if (extraction.status() != Status.NO_TEXT) {
            return extraction;
        }
        if (!ocr.available()) {
            return Acord25Extraction.unread(Status.NO_TEXT, Acord25Ocr.UNAVAILABLE);
        }
        return ocr.read(pdf);
    }
}
