package app.covenant.notifications.internal;

/**
 * A provider did not accept a message. The message is stored as the message's {@code last_error}, so it
 * must never hold a secret (credentials, body, link).
 */
class EmailDeliveryException extends RuntimeException {

    private final boolean permanent;

    EmailDeliveryException(String safeMessage, boolean permanent, Throwable cause) {
        super(safeMessage, cause);
        this.permanent = permanent;
    }

    /** True when retrying cannot help (the recipient does not exist); the message is then given up at once. */
    boolean isPermanent() {
        return permanent;
    }
}
