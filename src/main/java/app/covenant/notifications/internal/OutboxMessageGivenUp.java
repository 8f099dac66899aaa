package app.covenant.notifications.internal;

import java.util.UUID;

/** The outbox stopped trying to send a message (it is now {@code FAILED}); published by {@link OutboxDelivery}. */
record OutboxMessageGivenUp(UUID messageId) {
}
