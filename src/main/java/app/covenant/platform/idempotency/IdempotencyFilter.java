package app.covenant.platform.idempotency;

import app.covenant.platform.http.ProblemResponseWriter;
import app.covenant.platform.http.Problems;
import app.covenant.shared.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on a signed-in JSON {@code POST}: the first answer is kept for 24 hours and
 * replayed to retries of the same request by the same user, so a client that lost a response can
 * safely send again. The same key with another request is refused ({@code 422}); a retry while the
 * first is still running waits its turn ({@code 409}).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final ProblemResponseWriter problems;
    private final List<String> neverStoredUnder;

    IdempotencyFilter(IdempotencyStore store, ProblemResponseWriter problems, List<String> neverStoredUnder) {
        this.store = store;
        this.problems = problems;
        this.neverStoredUnder = List.copyOf(neverStoredUnder);
    }

    /** The same filter, never storing the answers of paths under these prefixes. */
    IdempotencyFilter neverStoring(List<String> pathPrefixes) {
        return new IdempotencyFilter(store, problems, pathPrefixes);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Forms and uploads are parsed by the container from the raw stream; they are not replayed.
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")
                || neverStoredUnder.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = caller();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(Problems.of(HttpStatus.BAD_REQUEST,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters.", request), request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);
        if (!store.claim(caller.get().userId(), key, hash)) {
            answerFromStore(caller.get(), key, hash, request, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
        } finally {
            if (recorded.getStatus() >= 500) {
                store.release(caller.get().userId(), key);
            } else {
                store.complete(caller.get().userId(), key, recorded.getStatus(), recorded.getContentType(),
                        recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentAsByteArray());
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerFromStore(Caller caller, String key, String hash, HttpServletRequest request,
                                 HttpServletResponse response) throws IOException {
        IdempotencyStore.Stored stored = store.find(caller.userId(), key).orElse(null);
        if (stored == null || stored.status() == null) {
            problems.write(Problems.of(HttpStatus.CONFLICT,
                    "A request with this Idempotency-Key is still being processed; retry in a moment.", request),
                    request, response);
        } else if (!stored.requestHash().equals(hash)) {
            problems.write(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was already used for a different request.", request), request, response);
        } else {
            response.setStatus(stored.status());
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            if (stored.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, stored.location());
            }
            response.setHeader(REPLAYED, "true");
            if (stored.body() != null) {
                response.getOutputStream().write(stored.body());
            }
        }
    }

    private static Optional<Caller> caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The request with its body read once, handed on for the controller to read again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
