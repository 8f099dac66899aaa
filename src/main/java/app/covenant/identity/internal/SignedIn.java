package app.covenant.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A fresh pair of tokens and who they belong to (the body of sign-in, refresh and switch). */
public record SignedIn(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                       Instant refreshTokenExpiresAt, UUID sessionId, SignedInUser user) {

    public record SignedInUser(UUID id, String email, String name, UUID organizationId, List<String> roles) {
    }
}
