package app.covenant.notifications;

import java.util.regex.Pattern;

/**
 * A kind of in-app notification. Modules declare theirs as beans; the preferences page lists every
 * one of them, and a user's choice overrides the defaults. Security-critical e-mail (password reset,
 * verification, invitations) is no notification type: it goes through {@link EmailOutbox} always.
 *
 * @param code           stable identifier, {@code module.what-happened} such as {@code identity.invitation-accepted}
 * @param label          what the preferences page calls it
 * @param description    one sentence on when it is sent
 * @param inAppByDefault shown under the bell unless the user switched it off
 * @param emailByDefault also sent by e-mail unless the user switched it off
 */
public record NotificationType(String code, String label, String description, boolean inAppByDefault,
                               boolean emailByDefault) {

    static final int MAX_CODE_LENGTH = 100;
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    public NotificationType {
        if (code == null || code.length() > MAX_CODE_LENGTH || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must look like 'module.what-happened'");
        }
        if (label == null || label.isBlank() || description == null || description.isBlank()) {
            throw new IllegalArgumentException("a notification type needs a label and a description");
        }
    }
}
