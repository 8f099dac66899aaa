package app.covenant.documents.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A too-large upload from a documents page goes back to that page with a readable message. Without this
 * the browser would see a bare error: the servlet container refuses to parse the form, so its CSRF field
 * is never read and the request fails the CSRF check before the upload limit can be reported. Runs
 * before the security filters and only parses the forms of these pages (which the CSRF check would parse
 * anyway); everything else, the API included, is left to the usual {@code 413}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class OversizedUploadFilter extends OncePerRequestFilter {

    static final String TOO_LARGE = "too-large";

    private static final Pattern UPLOAD_PAGE =
            Pattern.compile("/documents(?:/([0-9a-fA-F-]{36})/versions)?");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || !UPLOAD_PAGE.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | IOException | ServletException e) {
            if (isSizeLimit(e)) {
                Matcher page = UPLOAD_PAGE.matcher(path(request));
                page.matches();
                String back = page.group(1) == null ? "/documents" : "/documents/" + page.group(1);
                response.setStatus(HttpStatus.SEE_OTHER.value());
                response.setHeader("Location", request.getContextPath() + back + "?error=" + TOO_LARGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** How Spring recognises the container's size failures too (StandardMultipartHttpServletRequest). */
    private static boolean isSizeLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("size") && message.contains("exceed")) {
                return true;
            }
        }
        return false;
    }
}
