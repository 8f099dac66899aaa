package app.covenant.platform.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Correlation-ID} of a request: the caller's if well-formed, otherwise a new one. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-ID";
    /** Key in the logging MDC; JSON logs show it as {@code traceId}. */
    public static final String MDC_KEY = "traceId";
    static final String REQUEST_ATTRIBUTE = CorrelationId.class.getName();

    // Bounded and free of separators so a caller cannot forge log lines or headers.
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    private CorrelationId() {
    }

    static String acceptOrGenerate(String candidate) {
        if (candidate != null && VALID.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }

    /** The id of the request being served, when one was assigned. */
    public static Optional<String> of(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(REQUEST_ATTRIBUTE));
    }
}
