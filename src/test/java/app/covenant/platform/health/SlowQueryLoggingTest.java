package app.covenant.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Queries slower than 100 ms are logged with their duration; fast ones are not. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SlowQueryLoggingTest {

    @Autowired
    EntityManager entityManager;

    @Test
    void slowQueriesAreLoggedWithTheirDuration(CapturedOutput output) {
        entityManager.createNativeQuery("select 'fast-probe' from pg_sleep(0)").getSingleResult();
        entityManager.createNativeQuery("select 'slow-probe' from pg_sleep(0.15)").getSingleResult();

        assertThat(output.getAll().lines().filter(line -> line.contains("slow-probe")))
                .singleElement().asString()
                .containsPattern("(?i)slow query took \\d{3,} milli");
        assertThat(output.getAll()).doesNotContain("fast-probe");
    }
}
