package app.covenant.identity.pages;

import app.covenant.support.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application for page tests. They sign in far more often than a person could, so the
 * sign-in rate limits are lifted — with the same properties as the authorization matrix, which lets
 * both share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@TestPropertySource(properties = {
        "covenant.ratelimit.per-minute=100000", "covenant.ratelimit.auth-per-minute=100000",
        "covenant.ratelimit.requests-per-minute=100000", "covenant.ratelimit.auth-requests-per-minute=100000"})
@interface PageTest {
}
