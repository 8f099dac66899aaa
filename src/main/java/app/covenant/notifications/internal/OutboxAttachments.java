package app.covenant.notifications.internal;

import app.covenant.notifications.OutgoingEmail;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The files of outbox messages ({@code email_outbox_attachments}): written with their message, read by the
 * sender, deleted with their message (foreign key {@code on delete cascade}). Pages list names and sizes only.
 */
@Component
class OutboxAttachments {

    private final JdbcTemplate jdbc;

    OutboxAttachments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID messageId, List<OutgoingEmail.Attachment> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            OutgoingEmail.Attachment attachment = attachments.get(i);
            jdbc.update("insert into email_outbox_attachments (id, message_id, part_order, filename, content_type, "
                            + "size_bytes, content) values (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), messageId, i,
                    attachment.filename(), attachment.contentType(), (long) attachment.content().length,
                    attachment.content());
        }
    }

    List<OutgoingEmail.Attachment> of(UUID messageId) {
        return jdbc.query("select filename, content_type, content from email_outbox_attachments where message_id = ? "
                + "order by part_order", (rs, row) -> new OutgoingEmail.Attachment(rs.getString("filename"),
                rs.getString("content_type"), rs.getBytes("content")), messageId);
    }

    /** What the outbox page shows of a message's files: name and size, never the content. */
    record Listed(String filename, String contentType, long sizeBytes) {
    }

    List<Listed> listed(UUID messageId) {
        return jdbc.query("select filename, content_type, size_bytes from email_outbox_attachments where message_id = ? "
                + "order by part_order", (rs, row) -> new Listed(rs.getString("filename"), rs.getString("content_type"),
                rs.getLong("size_bytes")), messageId);
    }
}
