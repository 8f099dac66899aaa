package app.covenant.notifications;

import java.util.Map;
import java.util.UUID;

/**
 * What to tell users: the row under their bell and, when they want it, an e-mail.
 *
 * @param organizationId the organization the notification belongs to (it is shown only there)
 * @param type           the code of a {@link NotificationType} bean
 * @param title          one line, plain text
 * @param message        plain text
 * @param link           a path of this application such as {@code /admin/outbox/…}, or {@code null}
 * @param email          the e-mail to send when the recipient wants e-mail; {@code null} for the generic
 *                       one (title, message and link in the branded layout)
 * @param onceKey        when set, a user is told of this key at most once: a listener that may see the
 *                       same event twice stays idempotent
 */
public record Notice(UUID organizationId, String type, String title, String message, String link,
                     EmailContent email, String onceKey) {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_MESSAGE_LENGTH = 2000;
    static final int MAX_LINK_LENGTH = 1000;

    public Notice {
        if (organizationId == null || type == null) {
            throw new IllegalArgumentException("a notice needs an organization and a type");
        }
        if (title == null || title.isBlank() || title.length() > MAX_TITLE_LENGTH
                || title.indexOf('\n') >= 0 || title.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("title must be one line of at most " + MAX_TITLE_LENGTH + " characters");
        }
        if (message == null || message.length() > MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("message must be at most " + MAX_MESSAGE_LENGTH + " characters");
        }
        if (link != null && !isLocalPath(link)) {
            throw new IllegalArgumentException("link must be a path of this application, such as /notifications");
        }
    }

    public static Notice of(UUID organizationId, String type, String title, String message, String link) {
        return new Notice(organizationId, type, title, message, link, null, null);
    }

    /** The same notice with its own e-mail instead of the generic one. */
    public Notice withEmail(EmailContent content) {
        return new Notice(organizationId, type, title, message, link, content, onceKey);
    }

    /** The same notice, told to each user at most once for {@code key}. */
    public Notice once(String key) {
        return new Notice(organizationId, type, title, message, link, email, key);
    }

    /**
     * A path inside the application: starts with one {@code /} (never {@code //host}, which browsers
     * treat as another site), no scheme; no spaces, control characters or backslashes (browsers read
     * {@code /\host} as {@code //host} too).
     */
    public static boolean isLocalPath(String link) {
        return link.length() <= MAX_LINK_LENGTH && link.startsWith("/") && !link.startsWith("//")
                && link.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '\\');
    }

    /**
     * An e-mail of a template under {@code templates/email/}; the recipient's {@code name} is added to
     * the model. See {@link OutgoingEmail} for links and values.
     */
    public record EmailContent(String subject, String template, Map<String, Object> model) {

        public EmailContent {
            model = model == null ? Map.of() : model;
        }
    }
}
