package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.TestTenants;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser stand-in for page tests: real cookies (a cookie jar), no automatic redirects, and forms posted
 * with the CSRF token read from the page like a browser would (the {@code _csrf} hidden field plus the
 * {@code XSRF-TOKEN} cookie).
 */
final class PageClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    // One site, host-only cookies: a name → value map is all the jar needs (Max-Age=0 deletes).
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http;

    PageClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A client signed in as {@code email} through the login form. */
    static PageClient signedIn(int port, String email) {
        PageClient client = new PageClient(port);
        client.signIn(email);
        return client;
    }

    /** Signs in through the login form with the test password; fails the test unless it is accepted. */
    void signIn(String email) {
        Page page = submit("/login", "/login", Map.of("email", email, "password", TestTenants.PASSWORD));
        assertThat(page.status()).as("sign-in of " + email).isEqualTo(303);
    }

    /** A page load, as a browser navigation sends it. */
    Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "navigate"));
    }

    /** Opens {@code formPage}, reads its CSRF token and posts {@code fields} to {@code action}. */
    Page submit(String formPage, String action, Map<String, String> fields) {
        Page page = get(formPage);
        assertThat(page.status()).as("form page " + formPage).isEqualTo(200);
        return post(action, withCsrf(fields, page.csrf()));
    }

    /** A form post with exactly these fields (add {@code _csrf} yourself, or leave it out on purpose). */
    Page post(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "navigate"));
    }

    /** A page load or a form post as above, with one more header (a foreign {@code Authorization}, say). */
    Page getWithHeader(String path, String name, String value) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "navigate").header(name, value));
    }

    Page postWithHeader(String path, Map<String, String> fields, String name, String value) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "navigate").header(name, value));
    }

    /** An htmx post: the HX-Request header, the token as X-CSRF-Token header (like covenant.js sends it). */
    Page htmxPost(String path, Map<String, String> fields, String csrf) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "*/*")
                .header("HX-Request", "true").header("X-CSRF-Token", csrf));
    }

    static Map<String, String> withCsrf(Map<String, String> fields, String csrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return all;
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name)).filter(value -> !value.isEmpty());
    }

    /** Puts a cookie into the jar, e.g. an old access token to prove it no longer works. */
    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    void clearCookies() {
        cookies.clear();
    }

    private Page send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::remember);
            return new Page(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        boolean expired = value.isEmpty() || java.util.Arrays.stream(parts).map(String::trim)
                .anyMatch(part -> part.equalsIgnoreCase("Max-Age=0") || part.toLowerCase().startsWith("expires=thu, 01 jan 1970"));
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A response: status, body, headers. */
    record Page(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        String location() {
            return response.headers().firstValue("Location").orElse(null);
        }

        java.util.List<String> setCookies() {
            return response.headers().allValues("Set-Cookie");
        }

        /** The masked token of the page's forms (the {@code _csrf} hidden field). */
        String csrf() {
            Matcher matcher = CSRF_FIELD.matcher(body());
            assertThat(matcher.find()).as("a _csrf field in the page").isTrue();
            return matcher.group(1);
        }

        /** The htmx token, from the layout's meta element. */
        String csrfMeta() {
            Matcher matcher = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"").matcher(body());
            assertThat(matcher.find()).as("a csrf-token meta element").isTrue();
            return matcher.group(1);
        }
    }
}
