package app.covenant.audit;

import app.covenant.support.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link IntegrationTest} with the audit tests' movable clock and small retention batches (so a run
 * crosses batch boundaries) and MockMvc; all audit tests share this one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@AutoConfigureMockMvc
@Import(MutableClock.Config.class)
// Rate limits off: the HTTP tests sign in more often per minute than one client address may.
@TestPropertySource(properties = {"covenant.audit.retention-batch-size=40", "covenant.ratelimit.enabled=false"})
@interface AuditIntegrationTest {
}
