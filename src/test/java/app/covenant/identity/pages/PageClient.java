package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
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
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    PageClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
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
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).filter(value -> !value.isEmpty()).findFirst();
    }

    /** Puts a cookie into the jar, e.g. an old access token to prove it no longer works. */
    void setCookie(String name, String value) {
        URI site = URI.create(base);
        cookies.getCookieStore().getCookies().stream().filter(existing -> existing.getName().equals(name)).toList()
                .forEach(existing -> cookies.getCookieStore().remove(site, existing));
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(site, cookie);
    }

    void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
