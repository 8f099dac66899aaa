package app.covenant.contracts.paper;

import app.covenant.shared.problem.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * An uploaded file that cannot be taken as third-party paper. It answers {@code 400} with {@code errors[]} naming the
 * {@code file} field; the message is safe to show (parser details stay in the cause, for the log).
 */
public class UnreadablePaperException extends ProblemException {

    /** The field an upload form or request names the file by. */
    public static final String FIELD = "file";

    private final Reason reason;

    public UnreadablePaperException(Reason reason, Throwable cause) {
        super(400, "The request has invalid fields.", List.of(new FieldError(FIELD, reason.message)), Map.of());
        this.reason = reason;
        if (cause != null) {
            initCause(cause);
        }
    }

    public UnreadablePaperException(Reason reason) {
        this(reason, null);
    }

    public Reason reason() {
        return reason;
    }

    public enum Reason {
        /** Neither a PDF nor a Word (.docx) document, whatever its name says. */
        UNSUPPORTED_TYPE("Upload a PDF or a Word (.docx) document."),
        /** It looks like one but cannot be parsed. */
        DAMAGED("The file is damaged and could not be read."),
        /** A PDF that needs a password to open. */
        ENCRYPTED("The PDF is password-protected; upload an unprotected copy."),
        /** Larger than the caps, as uploaded or once unpacked. */
        TOO_LARGE("The file is too large to read.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
