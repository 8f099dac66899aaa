package app.covenant.shared.security;

import java.util.UUID;

/**
 * Whether a user has proved they own their e-mail address (the verification link, or an accepted invitation).
 * Declared here for the modules below identity that recognise a signed-in user by their address (signatures:
 * a signer is whoever owns the signer's address), implemented by identity.
 */
public interface VerifiedEmails {

    /** True when the user exists and their e-mail address is verified; false for {@code null}. */
    boolean isVerified(UUID userId);
}
