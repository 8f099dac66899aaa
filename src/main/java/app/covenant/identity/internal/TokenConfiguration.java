package app.covenant.identity.internal;

import app.covenant.identity.IdentityProperties;
import app.covenant.platform.config.RedisGuard;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signing and checking of access tokens (HS256 through Spring Security's Nimbus support — no
 * hand-written JWT code), password hashing and the store of failed sign-ins.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

    @Bean
    SecretKey accessTokenKey(IdentityProperties properties) {
        byte[] secret;
        if (properties.jwtSecret() == null || properties.jwtSecret().isBlank()) {
            // Only the embedded default gets here (production refuses to start without JWT_SECRET).
            secret = new byte[48];
            new SecureRandom().nextBytes(secret);
            log.info("JWT_SECRET is not set: access tokens are signed with a random key, so signing in "
                    + "again is needed after a restart.");
        } else {
            secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
        }
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey accessTokenKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(accessTokenKey));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey accessTokenKey, IdentityProperties properties, Clock clock) {
        // Only HS256 is accepted: a token with "none" or any other algorithm fails signature checking.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(accessTokenKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(5));
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = List.of(timestamps,
                new JwtIssuerValidator(properties.jwtIssuer()),
                new JwtClaimValidator<String>("jti", jti -> jti != null && !jti.isBlank()),
                new JwtClaimValidator<String>("org", org -> org != null && !org.isBlank()),
                new JwtClaimValidator<String>("sid", sid -> sid != null && !sid.isBlank()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    @Bean
    PasswordEncoder passwordEncoder(IdentityProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    @Bean
    LoginAttempts loginAttempts(ObjectProvider<StringRedisTemplate> redis, IdentityProperties properties,
                                RedisGuard guard, Clock clock) {
        StringRedisTemplate template = redis.getIfAvailable();
        InMemoryLoginAttempts memory = new InMemoryLoginAttempts(properties, clock);
        return template != null
                ? new RedisFirstLoginAttempts(new RedisLoginAttempts(template, properties), memory, guard) : memory;
    }
}
