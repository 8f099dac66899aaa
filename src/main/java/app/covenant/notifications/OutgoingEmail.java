package app.covenant.notifications;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One e-mail to one recipient, before rendering.
 *
 * <p>The model's values are escaped by the templates. A value under the key {@code link} (or any key
 * ending in {@code Link}) is a path of the web application such as {@code /invitations/accept?token=…}:
 * the outbox makes it absolute with {@code FRONTEND_URL}. A link that carries a one-time token
 * ({@code ?token=…}) makes the outbox replace the stored body by a note once the message is delivered. Instants ({@code expiresAt}, {@code changedAt})
 * may be passed as {@link java.time.Instant}s; the outbox formats them.
 *
 * @param to             the recipient's address, a bare address such as {@code ana@example.com}
 * @param subject        the subject line, plain text, one line
 * @param template       the name of a template under {@code templates/email/}, such as {@code invitation}
 * @param model          the template's values; may hold {@code null}s
 * @param organizationId the organization the message belongs to, when there is one
 * @param attachments    files sent with the message (a completed PDF); never null, at most
 *                       {@value #MAX_ATTACHMENTS_BYTES} bytes together. Only {@link EmailOutbox#enqueue} takes them.
 */
public record OutgoingEmail(String to, String subject, String template, Map<String, Object> model,
                            UUID organizationId, List<Attachment> attachments) {

    /** 10 MB: what the providers accept with room for the bodies and base64. */
    public static final int MAX_ATTACHMENTS_BYTES = 10 * 1024 * 1024;
    static final int MAX_ADDRESS_LENGTH = 254;
    static final int MAX_SUBJECT_LENGTH = 255;
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public OutgoingEmail {
        to = requireAddress(to);
        subject = requireSubject(subject);
        if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("template must be a lower-case name such as 'password-reset'");
        }
        // Not Map.copyOf: optional values (a user without a name) are legitimately null.
        model = model == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(model));
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (attachments.stream().mapToLong(attachment -> attachment.content().length).sum() > MAX_ATTACHMENTS_BYTES) {
            throw new IllegalArgumentException("attachments must be at most " + MAX_ATTACHMENTS_BYTES + " bytes together");
        }
    }

    /** A message without attachments. */
    public OutgoingEmail(String to, String subject, String template, Map<String, Object> model, UUID organizationId) {
        this(to, subject, template, model, organizationId, List.of());
    }

    /** A message that belongs to no organization (for example, one to a platform operator). */
    public OutgoingEmail(String to, String subject, String template, Map<String, Object> model) {
        this(to, subject, template, model, null, List.of());
    }

    /** The same message with {@code files} attached. */
    public OutgoingEmail withAttachments(List<Attachment> files) {
        return new OutgoingEmail(to, subject, template, model, organizationId, files);
    }

    /**
     * A file sent with a message.
     *
     * @param filename    the name the recipient sees: 1 to 255 characters, no path, no control characters
     * @param contentType a MIME type such as {@code application/pdf}
     * @param content     the bytes (not copied: do not change them after handing them over)
     */
    public record Attachment(String filename, String contentType, byte[] content) {

        private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");

        public Attachment {
            if (filename == null || filename.isBlank() || filename.length() > 255 || filename.indexOf('/') >= 0
                    || filename.indexOf('\\') >= 0 || filename.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("an attachment needs a file name of 1 to 255 characters, no path");
            }
            if (contentType == null || contentType.length() > 100 || !CONTENT_TYPE.matcher(contentType).matches()) {
                throw new IllegalArgumentException("an attachment needs a MIME type such as application/pdf");
            }
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String toString() {
            // Never the bytes: an envelope or message printed in a log line stays short and free of content.
            return "Attachment[" + filename + ", " + contentType + ", " + content.length + " bytes]";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Attachment that && filename.equals(that.filename)
                    && contentType.equals(that.contentType) && java.util.Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(filename, contentType, java.util.Arrays.hashCode(content));
        }
    }

    private static String requireAddress(String to) {
        // The address is personal data: keep it out of the exception message, which may be logged.
        if (to == null || to.isBlank() || to.strip().length() > MAX_ADDRESS_LENGTH) {
            throw new IllegalArgumentException("to must be an e-mail address");
        }
        String address = to.strip();
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !address.equals(parsed.getAddress()) || address.indexOf('@') < 1) {
                throw new AddressException("not a bare address");
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException("to must be one bare e-mail address, without a display name");
        }
        return address;
    }

    private static String requireSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        // A line break in a header would let a value inject headers of its own.
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("subject must be a single line");
        }
        String stripped = subject.strip();
        if (stripped.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("subject must be at most " + MAX_SUBJECT_LENGTH + " characters");
        }
        return stripped;
    }
}
