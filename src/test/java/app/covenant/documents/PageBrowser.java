package app.covenant.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser stand-in for the documents pages: the session cookie of a signed-in user, the CSRF cookie
 * and form field read from the page, multipart forms as a browser posts them, no automatic redirects.
 */
final class PageBrowser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    PageBrowser(int port, String accessToken) {
        this.base = "http://localhost:" + port;
        cookies.put("covenant_access", accessToken);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "text/html"));
    }

    /** Opens {@code formPage} and posts its form to {@code action} with {@code bytes} as the file {@code name}. */
    HttpResponse<String> upload(String formPage, String action, String name, byte[] bytes) {
        return uploadMany(formPage, action, Map.of(name, bytes));
    }

    /** Posts several files as one form, each a {@code file} part, as the upload area sends them. */
    HttpResponse<String> uploadMany(String formPage, String action, Map<String, byte[]> files) {
        Matcher csrf = CSRF_FIELD.matcher(get(formPage).body());
        if (!csrf.find()) {
            throw new AssertionError("no _csrf field on " + formPage);
        }
        String boundary = "----covenant" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1) + "\r\n");
        files.forEach((name, bytes) -> {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(bytes);
            write(body, "\r\n");
        });
        write(body, "--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; ")));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(cookie -> {
                String pair = cookie.split(";")[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            });
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
