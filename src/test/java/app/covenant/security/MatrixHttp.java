package app.covenant.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls endpoints the way their real clients do: API routes with {@code Authorization: Bearer} and a
 * minimal JSON body, page routes like a browser (access cookie {@code covenant_access}, {@code Accept:
 * text/html}, and for state-changing ones the CSRF token obtained from a page, sent back as the
 * {@code XSRF-TOKEN} cookie and the {@code X-CSRF-Token} header). Never follows redirects.
 */
final class MatrixHttp {

    static final String ACCESS_COOKIE = "covenant_access";
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** How the CSRF header value is formed from what the page gave us (see {@link #calibrate}). */
    enum CsrfStyle {
        /** The XSRF-TOKEN cookie's value, as a script reading the cookie sends it. */
        COOKIE_VALUE,
        /** The token the page renders into its forms / meta tags. */
        RENDERED,
        /** The cookie's value masked the way Spring Security's default XorCsrfTokenRequestAttributeHandler expects. */
        MASKED
    }

    record Response(int status, String location, String body) {

        static final String BROKEN = "[the response body broke off: ";

        /** The status came, the body did not (an error while rendering a response already committed). */
        boolean brokeOff() {
            return body.startsWith(BROKEN);
        }

        boolean redirectsToSignIn() {
            return status / 100 == 3 && location != null && location.contains("/login?next=");
        }

        @Override
        public String toString() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ").strip();
            return status + (location == null ? "" : " -> " + location)
                    + (text.isEmpty() ? "" : " " + (text.length() > 240 ? text.substring(0, 240) + "…" : text));
        }
    }

    private record Csrf(String cookie, String rendered) {
    }

    private static final Pattern SET_CSRF_COOKIE = Pattern.compile("^" + CSRF_COOKIE + "=([^;]+)");
    private static final List<Pattern> RENDERED_TOKEN = List.of(
            Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\""),
            Pattern.compile("value=\"([^\"]+)\"[^>]*?name=\"_csrf\""),
            Pattern.compile("<meta[^>]*name=\"(?:_csrf|csrf-token)\"[^>]*content=\"([^\"]+)\""),
            Pattern.compile("\"" + CSRF_HEADER + "\"\\s*:\\s*\"([^\"]+)\""));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, Csrf> csrfByCaller = new ConcurrentHashMap<>();
    private volatile CsrfStyle csrfStyle = CsrfStyle.COOKIE_VALUE;

    MatrixHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    CsrfStyle csrfStyle() {
        return csrfStyle;
    }

    /**
     * Finds how this application wants the CSRF header, with one anonymous call to a public
     * state-changing page (a failed CSRF check answers 403 there, anything else means it passed).
     */
    void calibrate(Endpoint publicFormPost, String path, List<String> formPages) {
        for (CsrfStyle style : CsrfStyle.values()) {
            csrfStyle = style;
            if (call(publicFormPost, path, null, formPages).status() != 403) {
                return;
            }
        }
        csrfStyle = CsrfStyle.COOKIE_VALUE;
    }

    /**
     * @param accessToken the caller's access token, or {@code null} for an anonymous call
     * @param formPages   pages to fetch the CSRF token from, best first (used by state-changing page routes)
     */
    Response call(Endpoint endpoint, String path, String accessToken, List<String> formPages) {
        return call(endpoint, path, accessToken, formPages, null);
    }

    /** As {@link #call(Endpoint, String, String, List)}, with the parameters and body of {@code sample} (if any). */
    Response call(Endpoint endpoint, String path, String accessToken, List<String> formPages,
                  SampleRequests.Sample sample) {
        String target = sample == null || sample.query().isEmpty() ? path
                : path + (path.contains("?") ? "&" : "?") + sample.query();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(30));
        List<String> cookies = new ArrayList<>();
        if (endpoint.page()) {
            request.header("Accept", "text/html");
            if (accessToken != null) {
                cookies.add(ACCESS_COOKIE + "=" + accessToken);
            }
            if (endpoint.changesState()) {
                Csrf csrf = csrfByCaller.computeIfAbsent(accessToken == null ? "" : accessToken,
                        token -> fetchCsrf(accessToken, formPages));
                cookies.add(CSRF_COOKIE + "=" + csrf.cookie());
                request.header(CSRF_HEADER, headerValue(csrf));
            }
        } else {
            request.header("Accept", accepted(endpoint));
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies));
        }
        if (sample != null && sample.jsonBody() != null) {
            request.header("Content-Type", "application/json");
            request.method(endpoint.method(), HttpRequest.BodyPublishers.ofString(sample.jsonBody()));
        } else {
            request.method(endpoint.method(), body(endpoint, request));
        }
        return send(request.build());
    }

    private static String accepted(Endpoint endpoint) {
        return endpoint.produces().stream().filter(type -> !type.contains("*")).findFirst().orElse("application/json");
    }

    /** {@code {}} for JSON; an empty form or multipart body where the route consumes one; nothing for safe methods and DELETE. */
    private static HttpRequest.BodyPublisher body(Endpoint endpoint, HttpRequest.Builder request) {
        if (!endpoint.changesState() || endpoint.method().equals("DELETE")) {
            return HttpRequest.BodyPublishers.noBody();
        }
        List<String> consumes = endpoint.consumes();
        boolean json = consumes.stream().anyMatch(type -> type.contains("json"));
        if (consumes.stream().anyMatch(type -> type.startsWith("multipart/")) && !json) {
            request.header("Content-Type", "multipart/form-data; boundary=matrix");
            return HttpRequest.BodyPublishers.ofString("--matrix--\r\n");
        }
        if (json || (consumes.isEmpty() && !endpoint.page())) {
            request.header("Content-Type", "application/json");
            return HttpRequest.BodyPublishers.ofString("{}");
        }
        request.header("Content-Type", consumes.isEmpty() ? "application/x-www-form-urlencoded" : consumes.getFirst());
        return HttpRequest.BodyPublishers.ofString("");
    }

    private String headerValue(Csrf csrf) {
        return switch (csrfStyle) {
            case COOKIE_VALUE -> csrf.cookie();
            case RENDERED -> csrf.rendered() != null ? csrf.rendered() : csrf.cookie();
            case MASKED -> masked(csrf.cookie());
        };
    }

    /** Like a browser: load a page that renders a form and keep the CSRF cookie (and token) it hands out. */
    private Csrf fetchCsrf(String accessToken, List<String> formPages) {
        for (String page : formPages) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + page)).header("Accept", "text/html")
                    .GET();
            if (accessToken != null) {
                request.header("Cookie", ACCESS_COOKIE + "=" + accessToken);
            }
            HttpResponse<String> response;
            try {
                response = exchange(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (UncheckedIOException broken) {
                continue; // this page did not render; try the next one
            }
            String cookie = response.headers().allValues("Set-Cookie").stream()
                    .map(SET_CSRF_COOKIE::matcher).filter(Matcher::find).map(matcher -> matcher.group(1))
                    .reduce((first, last) -> last).orElse(null);
            if (cookie != null) {
                return new Csrf(cookie, rendered(response.body()));
            }
        }
        // No page handed out a token (no form rendered yet): a cookie of our own is what a browser holding
        // an earlier one would send — the repository only compares the cookie with the header.
        return new Csrf(UUID.randomUUID().toString(), null);
    }

    private static String rendered(String html) {
        if (html == null) {
            return null;
        }
        for (Pattern pattern : RENDERED_TOKEN) {
            Matcher matcher = pattern.matcher(html);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private static String masked(String token) {
        byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[tokenBytes.length];
        RANDOM.nextBytes(random);
        byte[] combined = new byte[tokenBytes.length * 2];
        System.arraycopy(random, 0, combined, 0, random.length);
        for (int i = 0; i < tokenBytes.length; i++) {
            combined[random.length + i] = (byte) (random[i] ^ tokenBytes[i]);
        }
        return Base64.getUrlEncoder().encodeToString(combined);
    }

    private Response send(HttpRequest request) {
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException broken) {
            // The status came, the body broke off (an error while rendering a committed response).
            body = Response.BROKEN + broken.getMessage() + "]";
        }
        return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null), body);
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
