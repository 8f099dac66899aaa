package app.covenant.contracts.pages;

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
 * A browser stand-in for the contract pages: the session cookie of a signed-in user, the CSRF token read from
 * the page a form is on, forms posted like a browser (url-encoded, several values per name, or multipart), no
 * automatic redirects.
 */
final class ContractPageClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ContractPageClient(int port, String accessToken) {
        this.base = "http://localhost:" + port;
        cookies.put("covenant_access", accessToken);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "navigate"), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "image/png,*/*"),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Opens {@code formPage} for its token and posts {@code fields} (name → values, in order) to {@code action}. */
    HttpResponse<String> post(String formPage, String action, List<String[]> fields) {
        String csrf = csrf(formPage);
        String body = fields.stream().map(e -> encode(e[0]) + "=" + encode(e[1]))
                .collect(Collectors.joining("&")) + "&_csrf=" + encode(csrf);
        return send(HttpRequest.newBuilder(URI.create(base + action)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "navigate"), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String formPage, String action, Map<String, String> fields) {
        return post(formPage, action, fields.entrySet().stream().map(e -> new String[] {e.getKey(), e.getValue()})
                .toList());
    }

    /** A multipart post of one file with the other fields, as the upload form sends it. */
    HttpResponse<String> upload(String formPage, String action, String fileName, byte[] bytes, Map<String, String> fields) {
        String csrf = csrf(formPage);
        String boundary = "----covenant" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        all.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(bytes);
        write(body, "\r\n--" + boundary + "--\r\n");
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
