package app.covenant.platform.ratelimit;

import jakarta.servlet.Filter;

/**
 * Hands the rate-limit filter to the security configuration, which places it right after
 * authentication ({@code http.addFilterAfter(rateLimiting.filter(), BearerTokenAuthenticationFilter.class)}).
 * Not a {@link Filter} bean itself: Spring Boot would also register that with the servlet container,
 * outside the security chain, where nobody is signed in yet.
 */
public final class RateLimiting {

    private final Filter filter;

    RateLimiting(Filter filter) {
        this.filter = filter;
    }

    /** The filter; lets everything through when {@code covenant.ratelimit.enabled} is false. */
    public Filter filter() {
        return filter;
    }
}
