package app.covenant.signatures;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What to have signed.
 *
 * @param senderName       who asks for the signatures, as the e-mails name them (the organization's name)
 * @param documentId       a PDF already stored through {@code documents} (stage and store it first: storing
 *                         content cannot happen inside a transaction)
 * @param owner            the caller module's record the envelope serves, echoed in every event; may be null
 * @param codeRequired     whether a signer by link must also enter a one-time code e-mailed to them
 * @param createdBy        the user opening it, or null for the system
 * @param completionCopies addresses that receive the completed PDF besides the signers (such as an assigned
 *                         admin); at most {@value #MAX_COMPLETION_COPIES}, never null (empty)
 */
public record EnvelopeRequest(UUID organizationId, String senderName, String title, UUID documentId, List<SignerRequest> signers,
                              EnvelopeOwner owner, boolean codeRequired, UUID createdBy, List<String> completionCopies) {

    public static final int MAX_COMPLETION_COPIES = 10;

    public EnvelopeRequest {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(documentId, "documentId");
        if (title == null || title.isBlank() || title.length() > 300) {
            throw new IllegalArgumentException("title must have 1 to 300 characters");
        }
        if (senderName == null || senderName.isBlank()) {
            throw new IllegalArgumentException("senderName names who asks for the signatures");
        }
        if (signers == null || signers.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one signer");
        }
        signers = List.copyOf(signers);
        if (completionCopies != null && completionCopies.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a completion copy needs an e-mail address");
        }
        completionCopies = completionCopies == null ? List.of()
                : completionCopies.stream().map(String::strip).distinct().toList();
        if (completionCopies.size() > MAX_COMPLETION_COPIES) {
            throw new IllegalArgumentException("at most " + MAX_COMPLETION_COPIES + " completion copies");
        }
        if (!completionCopies.stream().allMatch(SignerRequest::isAddress)) {
            throw new IllegalArgumentException("a completion copy needs an e-mail address");
        }
    }

    /** An envelope whose completed PDF goes to its signers only. */
    public EnvelopeRequest(UUID organizationId, String senderName, String title, UUID documentId,
                           List<SignerRequest> signers, EnvelopeOwner owner, boolean codeRequired, UUID createdBy) {
        this(organizationId, senderName, title, documentId, signers, owner, codeRequired, createdBy, List.of());
    }

    /** The same request, the completed PDF also e-mailed to {@code addresses}. */
    public EnvelopeRequest withCompletionCopies(List<String> addresses) {
        return new EnvelopeRequest(organizationId, senderName, title, documentId, signers, owner, codeRequired,
                createdBy, addresses);
    }

    /**
     * One signer; signers with the same {@code order} form a group that signs in parallel.
     *
     * @param anchor a text of the original PDF, such as {@code [[sign:sub]]}, where this signer's signature is
     *               drawn at completion (every place it appears); null for the signatures page only. 1 to 64
     *               characters, no line breaks or other control characters.
     */
    public record SignerRequest(String name, String email, String role, int order, String anchor) {

        public static final int MAX_ANCHOR_LENGTH = 64;

        public SignerRequest {
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("a signer's name must have 1 to 200 characters");
            }
            if (!isAddress(email)) {
                throw new IllegalArgumentException("a signer needs an e-mail address");
            }
            if (role == null || role.isBlank() || role.length() > 100) {
                throw new IllegalArgumentException("a signer's role label must have 1 to 100 characters");
            }
            if (order < 1) {
                throw new IllegalArgumentException("signing order numbers start at 1");
            }
            if (anchor != null && (anchor.isBlank() || anchor.length() > MAX_ANCHOR_LENGTH
                    || anchor.codePoints().anyMatch(Character::isISOControl))) {
                throw new IllegalArgumentException("an anchor must have 1 to " + MAX_ANCHOR_LENGTH
                        + " printable characters");
            }
        }

        /** A signer signed on the signatures page only. */
        public SignerRequest(String name, String email, String role, int order) {
            this(name, email, role, order, null);
        }

        static boolean isAddress(String email) {
            return email != null && email.matches("[^@\\s]+@[^@\\s]+") && email.length() <= 254;
        }
    }
}
