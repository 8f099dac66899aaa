package app.covenant.documents.internal;

import java.io.IOException;
import java.io.InputStream;

/** The optional virus-scan hook on upload; present as a bean only when a scanner is configured. */
interface VirusScanner {

    /** Reads {@code content} to the end and says whether it is infected. */
    Verdict scan(InputStream content) throws ScannerUnavailableException;

    /** @param signature the name of what was found, when infected */
    record Verdict(boolean infected, String signature) {

        static Verdict clean() {
            return new Verdict(false, null);
        }

        static Verdict infected(String signature) {
            return new Verdict(true, signature);
        }
    }

    /** The scanner could not be asked (down, timed out, answered an error): the upload is refused. */
    final class ScannerUnavailableException extends IOException {
        ScannerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
