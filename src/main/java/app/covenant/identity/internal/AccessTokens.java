package app.covenant.identity.internal;

import app.covenant.identity.IdentityProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues short-lived access tokens. Claims: {@code sub} user, {@code org} organization, {@code roles},
 * {@code sid} the session (refresh-token family), {@code jti}, {@code iat}, {@code exp}, {@code iss}.
 * Permissions are deliberately not in the token: they are read fresh on every request.
 */
@Component
class AccessTokens {

    record Issued(String value, String jti, Instant expiresAt) {
    }

    private final JwtEncoder encoder;
    private final IdentityProperties properties;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, IdentityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    Issued issue(UUID userId, UUID organizationId, List<String> roles, UUID sessionId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        String jti = UUID.randomUUID().toString();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.jwtIssuer())
                .subject(userId.toString())
                .claim("org", organizationId.toString())
                .claim("roles", roles)
                .claim("sid", sessionId.toString())
                .id(jti)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Issued(value, jti, expiresAt);
    }
}
