package app.covenant.insurance;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser stand-in for the insurance pages: the signed-in user's access cookie, the CSRF field read from
 * the form page, forms posted url-encoded (a field may repeat), no automatic redirects.
 */
public final class InsurancePageClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public InsurancePageClient(int port, String accessToken) {
        this.base = "http://localhost:" + port;
        cookies.put("covenant_access", accessToken);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "text/html"));
    }

    /** Opens {@code formPage} for its CSRF token and posts {@code fields} (name, value pairs) to {@code action}. */
    public HttpResponse<String> post(String formPage, String action, List<String[]> fields) {
        Matcher csrf = CSRF_FIELD.matcher(get(formPage).body());
        if (!csrf.find()) {
            throw new AssertionError("no _csrf field on " + formPage);
        }
        List<String[]> all = new ArrayList<>(fields);
        all.add(new String[] {"_csrf", csrf.group(1)});
        String body = all.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html"));
    }

    public static String[] field(String name, String value) {
        return new String[] {name, value};
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
}
