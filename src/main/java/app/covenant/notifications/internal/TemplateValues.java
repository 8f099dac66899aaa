package app.covenant.notifications.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a caller's model into the values the templates print: links made absolute with
 * {@code FRONTEND_URL}, times written out for people. Escaping is left to the templates.
 */
final class TemplateValues {

    static final String FRONTEND_URL = "frontendUrl";
    static final String SUBJECT = "subject";
    static final String BODY_TEMPLATE = "bodyTemplate";
    private static final Pattern LIVE_LINK = Pattern.compile("[?&]token=");
    private static final Set<String> RESERVED = Set.of(FRONTEND_URL, SUBJECT, BODY_TEMPLATE);

    // Recipients live in many zones and we do not know theirs yet: say UTC plainly rather than guess.
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}+");

    private final String frontendUrl;

    TemplateValues(URI frontendUrl) {
        String url = frontendUrl.toString();
        this.frontendUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (frontendUrl.getHost() == null || !Set.of("http", "https").contains(frontendUrl.getScheme())) {
            throw new IllegalArgumentException("covenant.platform.frontend-url (FRONTEND_URL) must be an absolute http(s) URL");
        }
    }

    Map<String, Object> prepare(Map<String, Object> model, String subject) {
        Map<String, Object> values = new LinkedHashMap<>();
        model.forEach((key, value) -> {
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException("model key '" + key + "' is reserved for the e-mail layout");
            }
            values.put(key, isLink(key) ? absoluteLink(key, value) : readable(value));
        });
        values.put(FRONTEND_URL, frontendUrl);
        values.put(SUBJECT, subject);
        return values;
    }

    private static boolean isLink(String key) {
        return key.equals("link") || key.endsWith("Link");
    }

    /** Whether a link of the model carries a one-time token: whoever reads the body could use it. */
    static boolean holdsLiveLink(Map<String, Object> model) {
        return model.entrySet().stream().anyMatch(entry -> isLink(entry.getKey()) && entry.getValue() != null
                && LIVE_LINK.matcher(entry.getValue().toString()).find());
    }

    private String absoluteLink(String key, Object value) {
        if (value == null) {
            return null;
        }
        // The message is only as trustworthy as its links: they may point nowhere but this application.
        String link = value.toString();
        if (link.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '\\')) {
            throw new IllegalArgumentException("model value '" + key + "' must be a path without spaces");
        }
        if (link.startsWith("/") && !link.startsWith("//")) {
            return frontendUrl + link;
        }
        if (link.equals(frontendUrl) || link.startsWith(frontendUrl + "/")) {
            return link;
        }
        throw new IllegalArgumentException("model value '" + key + "' must be a path of this application such as /invitations/accept?token=…");
    }

    private static Object readable(Object value) {
        return switch (value) {
            // One line per value: a name with line breaks could otherwise forge lines of the plain-text part.
            case String text -> CONTROL_CHARACTERS.matcher(text).replaceAll(" ");
            case Instant instant -> DATE_TIME.format(instant);
            case OffsetDateTime time -> DATE_TIME.format(time.toInstant());
            case ZonedDateTime time -> DATE_TIME.format(time.toInstant());
            case LocalDate date -> DATE.format(date);
            case null, default -> value;
        };
    }
}
