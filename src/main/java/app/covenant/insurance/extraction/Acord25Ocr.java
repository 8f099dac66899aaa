package app.covenant.insurance.extraction;

import org.springframework.stereotype.Component;

/** Reads scanned ACORD 25 certificates by OCR; this placeholder says OCR is not available on this node. */
@Component
public class Acord25Ocr {

    public boolean available() {
        return false;
    }

    public Acord25Extraction read(byte[] pdf) {
        return Acord25Extraction.unread(Acord25Extraction.Status.NO_TEXT, Acord25Extractor.SCAN);
    }
}
