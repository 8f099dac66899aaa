package app.covenant.identity.web;

import app.covenant.identity.internal.SignedIn;
import java.time.Clock;
import java.time.Duration;

/** The answer of sign-in, refresh, switch and invitation acceptance (API.md). */
record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn,
                     SignedIn.SignedInUser user) {

    static TokenResponse of(SignedIn signedIn, Clock clock) {
        long seconds = Math.max(0, Duration.between(clock.instant(), signedIn.accessTokenExpiresAt()).toSeconds());
        return new TokenResponse(signedIn.accessToken(), signedIn.refreshToken(), "Bearer", seconds, signedIn.user());
    }
}
