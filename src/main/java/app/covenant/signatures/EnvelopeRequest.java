package app.covenant.signatures;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What to have signed.
 *
 * @param senderName   who asks for the signatures, as the e-mails name them (the organization's name)
 * @param documentId   a PDF already stored through {@code documents} (stage and store it first: storing
 *                     content cannot happen inside a transaction)
 * @param owner        the caller module's record the envelope serves, echoed in every event; may be null
 * @param codeRequired whether a signer by link must also enter a one-time code e-mailed to them
 * @param createdBy    the user opening it, or null for the system
 */
public record EnvelopeRequest(UUID organizationId, String senderName, String title, UUID documentId, List<SignerRequest> signers,
                              EnvelopeOwner owner, boolean codeRequired, UUID createdBy) {

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
    }

    /** One signer; signers with the same {@code order} form a group that signs in parallel. */
    public record SignerRequest(String name, String email, String role, int order) {

        public SignerRequest {
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("a signer's name must have 1 to 200 characters");
            }
            if (email == null || !email.matches("[^@\\s]+@[^@\\s]+") || email.length() > 254) {
                throw new IllegalArgumentException("a signer needs an e-mail address");
            }
            if (role == null || role.isBlank() || role.length() > 100) {
                throw new IllegalArgumentException("a signer's role label must have 1 to 100 characters");
            }
            if (order < 1) {
                throw new IllegalArgumentException("signing order numbers start at 1");
            }
        }
    }
}
