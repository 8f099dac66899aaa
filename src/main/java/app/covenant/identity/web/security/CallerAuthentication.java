package app.covenant.identity.web.security;

import app.covenant.shared.security.Caller;
import java.util.Collection;
import java.util.stream.Stream;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request: the {@link Caller} as principal, its permissions as authorities. */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final Jwt token;

    CallerAuthentication(Caller caller, Jwt token) {
        super(authoritiesOf(caller));
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authoritiesOf(Caller caller) {
        return Stream.concat(caller.permissions().stream(), caller.roles().stream().map(role -> "ROLE_" + role))
                .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller.userId().toString();
    }
}
