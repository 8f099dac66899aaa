package app.covenant.platform.ui;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A short message the page shows in its toast region after an htmx request: the response's
 * {@code HX-Trigger} header raises the event {@code covenant:toast}, which covenant.js turns into a toast
 * (announced by the region's {@code aria-live}). Events the header already names are kept. A full-page
 * response says the same with a flash ({@code ?done=}), which the page also shows as a toast.
 */
public final class Toasts {

    public static final String EVENT = "covenant:toast";

    public enum Kind { SUCCESS, INFO, ERROR }

    private Toasts() {
    }

    public static void success(HttpServletResponse response, String message) {
        show(response, Kind.SUCCESS, message);
    }

    public static void show(HttpServletResponse response, Kind kind, String message) {
        String toast = "\"" + EVENT + "\":{\"kind\":\"" + kind.name().toLowerCase(java.util.Locale.ROOT)
                + "\",\"message\":" + json(message) + "}";
        String existing = response.getHeader("HX-Trigger");
        response.setHeader("HX-Trigger", "{" + (existing == null || existing.isBlank() ? "" : others(existing) + ",")
                + toast + "}");
    }

    /** The events already in the header: a JSON object's members, or a comma-separated list of names. */
    private static String others(String header) {
        String trimmed = header.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        StringBuilder members = new StringBuilder();
        for (String name : trimmed.split(",")) {
            if (!name.isBlank()) {
                members.append(members.isEmpty() ? "" : ",").append(json(name.strip())).append(":null");
            }
        }
        return members.toString();
    }

    /** A JSON string in plain ASCII: a header carries no other characters safely. */
    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
