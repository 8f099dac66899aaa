package app.covenant.signatures.web;

import app.covenant.shared.security.Caller;
import app.covenant.signatures.Evidence;
import jakarta.servlet.http.HttpServletRequest;

/** The evidence of a request: its client's address (as the platform resolved it), user agent and user. */
final class RequestEvidence {

    private RequestEvidence() {
    }

    static Evidence of(HttpServletRequest request, Caller caller) {
        return new Evidence(request.getRemoteAddr(), request.getHeader("User-Agent"),
                caller == null ? null : caller.userId());
    }
}
