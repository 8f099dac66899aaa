package app.covenant.notifications.internal;

/** Where a message of the outbox stands. */
enum OutboxStatus {
    /** Waiting to be sent (or being sent, under a claim). */
    PENDING,
    /** Accepted by the provider. */
    SENT,
    /** Given up after the last allowed attempt, or refused for good (an address that does not exist). */
    FAILED
}
