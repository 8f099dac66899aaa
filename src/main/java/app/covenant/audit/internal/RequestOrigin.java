package app.covenant.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Where an entry came from: the current HTTP request, if the entry is written while serving one. */
record RequestOrigin(String ipAddress, String userAgent, String correlationId) {

    /** The platform's correlation filter puts the id into the MDC; jobs may set it there too. */
    static final String CORRELATION_MDC_KEY = "traceId";

    static RequestOrigin current() {
        String correlationId = MDC.get(CORRELATION_MDC_KEY);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            // The direct peer; X-Forwarded-For is honoured only once trusted proxies are configured.
            return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"), correlationId);
        }
        return new RequestOrigin(null, null, correlationId);
    }
}
