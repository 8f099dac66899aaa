package app.covenant.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The source guides document both {@code /api/...} and {@code /api/v1/...}: the unversioned form is
 * served as the current version by rewriting the path before security and routing see it, so both
 * forms share one set of controllers and one set of access rules.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiVersionAliasFilter extends OncePerRequestFilter {

    static final String CURRENT = "v1";
    private static final String API = "/api/";
    /** Paths under {@code /api/} that are not versioned resources. */
    private static final Set<String> UNVERSIONED = Set.of(CURRENT, "docs", "docs.json", "swagger-ui");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(API) || UNVERSIONED.contains(firstSegment(path.substring(API.length())))) {
            chain.doFilter(request, response);
            return;
        }
        String versioned = API + CURRENT + "/" + path.substring(API.length());
        chain.doFilter(new VersionedRequest(request, versioned), response);
    }

    private static String firstSegment(String rest) {
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static final class VersionedRequest extends HttpServletRequestWrapper {

        private final String path;

        VersionedRequest(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public StringBuffer getRequestURL() {
            HttpServletRequest request = (HttpServletRequest) getRequest();
            String url = request.getRequestURL().toString();
            return new StringBuffer(url.substring(0, url.length() - request.getRequestURI().length()))
                    .append(getRequestURI());
        }
    }
}
