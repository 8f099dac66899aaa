package app.covenant.notifications.internal;

/**
 * A provider that hands a message to the outside world (SMTP, SendGrid, Amazon SES). Present only
 * when {@code EMAIL_PROVIDER} names one: without a sender, messages stay in the outbox.
 */
interface EmailSender {

    /**
     * Sends one message, or throws. Never logs the body: it may hold a single-use link.
     *
     * @throws EmailDeliveryException when the provider did not accept the message
     */
    void send(EmailEnvelope envelope);
}
