package app.covenant.documents.pdf;

import app.covenant.shared.problem.ProblemException;

/**
 * A PDF from outside that cannot be used. It is a {@link ProblemException} so an upload endpoint
 * answers it as a problem with the reason's status; the message is safe to show (it never carries
 * parser internals, which stay in the cause for the log).
 */
public class PdfException extends ProblemException {

    private final Reason reason;

    public PdfException(Reason reason, Throwable cause) {
        super(reason.status, reason.detail);
        this.reason = reason;
        if (cause != null) {
            initCause(cause);
        }
    }

    public PdfException(Reason reason) {
        this(reason, null);
    }

    public Reason reason() {
        return reason;
    }

    /** Why the PDF was refused, with the status a web layer answers. */
    public enum Reason {
        /** Not a PDF, or one too damaged to parse. */
        UNREADABLE(422, "The file is not a readable PDF."),
        /** Opening needs a password; owner-only protection (an empty user password) is readable. */
        ENCRYPTED(422, "The PDF is password-protected; upload an unprotected copy."),
        /** Larger than the reader accepts. */
        TOO_LARGE(413, "The PDF is too large to read.");

        private final int status;
        private final String detail;

        Reason(int status, String detail) {
            this.status = status;
            this.detail = detail;
        }
    }
}
