package app.covenant.platform.idempotency;

import jakarta.servlet.Filter;

/** Holds the filter without making it a servlet-filter bean: it must run inside the security chain only. */
public record Idempotency(IdempotencyFilter filter) {

    public Filter asFilter() {
        return filter;
    }
}
