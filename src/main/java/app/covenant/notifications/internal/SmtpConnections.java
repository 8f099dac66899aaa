package app.covenant.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Open SMTP connections kept for the next message. A new connection per message costs a TCP (and TLS)
 * handshake, EHLO and AUTH each time; reusing them is what lets the outbox send hundreds of messages a
 * second. A connection is given back only after the server accepted a message on it, and is dropped once
 * it has carried {@code maxMessages} (servers limit messages per connection) or sat idle too long.
 */
final class SmtpConnections implements AutoCloseable {

    /** Idle longer than this, a connection is checked with a NOOP before it is used again. */
    private static final Duration CHECK_AFTER_IDLE = Duration.ofSeconds(5);
    /** Idle longer than this, a connection is closed: servers drop idle clients after a minute or so. */
    private static final Duration MAX_IDLE = Duration.ofSeconds(30);

    private final Session session;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final int maxIdleConnections;
    private final int maxMessages;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    SmtpConnections(Session session, NotificationsProperties.Smtp smtp, int maxIdleConnections, int maxMessages) {
        this.session = session;
        this.host = smtp.host();
        this.port = smtp.port();
        this.username = smtp.username() == null || smtp.username().isBlank() ? null : smtp.username();
        this.password = this.username == null ? null : smtp.password();
        this.maxIdleConnections = maxIdleConnections;
        this.maxMessages = maxMessages;
    }

    /** An idle connection that still answers, or a new one. */
    Connection take() throws MessagingException {
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            long idleNanos = System.nanoTime() - connection.returnedAt;
            if (idleNanos < CHECK_AFTER_IDLE.toNanos() || (idleNanos < MAX_IDLE.toNanos() && connection.transport.isConnected())) {
                return connection;
            }
            connection.close();
        }
        Transport transport = session.getTransport("smtp");
        transport.connect(host, port, username, password);
        return new Connection(transport);
    }

    /** Keeps a connection that just carried a message for the next one, or closes it. */
    void giveBack(Connection connection) {
        connection.messages++;
        connection.returnedAt = System.nanoTime();
        if (connection.messages >= maxMessages || idle.size() >= maxIdleConnections) {
            connection.close();
        } else {
            idle.addFirst(connection);
        }
    }

    @Override
    public void close() {
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            connection.close();
        }
    }

    static final class Connection {

        final Transport transport;
        private int messages;
        private long returnedAt = System.nanoTime();

        private Connection(Transport transport) {
            this.transport = transport;
        }

        /** True when this connection already carried a message: it may have gone stale since. */
        boolean wasUsedBefore() {
            return messages > 0;
        }

        /** Quietly: a failure to say QUIT changes nothing about messages the server already accepted. */
        void close() {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // The connection is gone either way.
            }
        }
    }
}
