package app.covenant.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser stand-in for page tests: the access cookie of a signed-in user (an empty token for a visitor), the
 * CSRF token read from the page a form is on, forms posted like a browser (url-encoded, a name may repeat, or
 * multipart with files), no automatic redirects. Cookies the application sets are kept for the next request.
 */
public final class PageClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public PageClient(int port, String accessToken) {
        this.base = "http://localhost:" + port;
        cookies.put("covenant_access", accessToken);
    }

    /** One form field, for {@link #post(String, String, List)}. */
    public static String[] field(String name, String value) {
        return new String[] {name, value};
    }

    /** A page load, as a browser navigation sends it. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "navigate"), HttpResponse.BodyHandlers.ofString());
    }

    /** A download or an image, its bytes. */
    public HttpResponse<byte[]> bytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "image/png,*/*"),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Opens {@code formPage} for its token and posts {@code fields} (name, value pairs, in order) to {@code action}. */
    public HttpResponse<String> post(String formPage, String action, List<String[]> fields) {
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields, csrf(formPage))))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "navigate"), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String formPage, String action, Map<String, String> fields) {
        return post(formPage, action, fields.entrySet().stream().map(e -> field(e.getKey(), e.getValue())).toList());
    }

    /** The same form post as htmx sends it from {@code formPage} (the HX-Request header, the token in the form). */
    public HttpResponse<String> htmxPost(String formPage, String action, List<String[]> fields) {
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields, csrf(formPage))))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true"),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart post of one file, as an upload form without other fields sends it. */
    public HttpResponse<String> upload(String formPage, String action, String fileName, byte[] bytes) {
        return upload(formPage, action, Map.of(fileName, bytes), Map.of());
    }

    /** A multipart post of one file with the other fields, as the upload form sends it. */
    public HttpResponse<String> upload(String formPage, String action, String fileName, byte[] bytes,
            Map<String, String> fields) {
        return upload(formPage, action, Map.of(fileName, bytes), fields);
    }

    /** A multipart post of several files (each a {@code file} part, by file name), as the upload area sends them. */
    public HttpResponse<String> upload(String formPage, String action, Map<String, byte[]> files) {
        return upload(formPage, action, files, Map.of());
    }

    /** A multipart post of several files (each a {@code file} part, by file name) with the other fields. */
    public HttpResponse<String> upload(String formPage, String action, Map<String, byte[]> files,
            Map<String, String> fields) {
        String csrf = csrf(formPage);
        String boundary = "----covenant" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        all.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        files.forEach((fileName, bytes) -> {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(bytes);
            write(body, "\r\n");
        });
        write(body, "--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "navigate"), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String formPage) {
        HttpResponse<String> page = get(formPage);
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no _csrf field on " + formPage + " (" + page.statusCode() + ")");
        }
        return csrf.group(1);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; ")));
        try {
            HttpResponse<T> response = http.send(request.build(), handler);
            response.headers().allValues("Set-Cookie").forEach(cookie -> {
                String pair = cookie.split(";")[0];
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1).trim();
                if (!value.isEmpty()) {
                    cookies.put(pair.substring(0, eq).trim(), value);
                }
            });
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String urlEncoded(List<String[]> fields, String csrf) {
        return fields.stream().map(f -> encode(f[0]) + "=" + encode(f[1])).collect(Collectors.joining("&"))
                + (fields.isEmpty() ? "" : "&") + "_csrf=" + encode(csrf);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
