package app.covenant.platform.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes {@code getRemoteAddr()} answer the client's address as {@link ClientAddress} resolves it, so
 * rate limits, sessions and the audit log all see the same client — and a forged
 * {@code X-Forwarded-For} from an untrusted peer changes nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class ClientAddressFilter extends OncePerRequestFilter {

    private final ClientAddress clientAddress;

    ClientAddressFilter(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String resolved = clientAddress.of(request);
        if (resolved == null || resolved.equals(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return resolved;
            }
        }, response);
    }
}
