package app.covenant.identity.web.security;

import app.covenant.identity.internal.CallerLoader;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/** A token with a valid signature still has to belong to a live session of an active user. */
@Component
class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final CallerLoader callers;

    CallerAuthenticationConverter(CallerLoader callers) {
        this.callers = callers;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        try {
            UUID userId = UUID.fromString(jwt.getSubject());
            UUID organizationId = UUID.fromString(jwt.getClaimAsString("org"));
            UUID sessionId = UUID.fromString(jwt.getClaimAsString("sid"));
            return callers.load(userId, organizationId, sessionId, jwt.getId())
                    .map(caller -> new CallerAuthentication(caller, jwt))
                    .orElseThrow(() -> new InvalidBearerTokenException("The token is revoked or the account is not active."));
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token is malformed.");
        }
    }
}
