package app.covenant.platform.jobs;

import app.covenant.platform.jobs.BackgroundJobs.Retries;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

/** Jobs and a module-event listener that exist only in tests: flaky, broken, slow. */
@TestConfiguration(proxyBeanMethods = false)
class TestJobs {

    static final String FLAKY = "test-flaky-one-time";
    static final String BROKEN = "test-broken-one-time";
    static final String SLOW = "test-slow-one-time";
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);

    private static final Retries FAST = new Retries(3, Duration.ofMillis(100), 2);

    @Bean
    OneTimeTask<String> flakyJob(BackgroundJobs jobs) {
        return jobs.oneTime(new Job(FLAKY, "Test job", "A job of the tests."), String.class, FAST, id -> {
            int attempt = ATTEMPTS.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            if (attempt < 3) {
                throw new IllegalStateException("attempt " + attempt + " of " + id + " failed");
            }
        });
    }

    @Bean
    OneTimeTask<String> brokenJob(BackgroundJobs jobs) {
        return jobs.oneTime(new Job(BROKEN, "Test job", "A job of the tests."), String.class, FAST, id -> {
            ATTEMPTS.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("always broken");
        });
    }

    @Bean
    OneTimeTask<String> slowJob(BackgroundJobs jobs) {
        return jobs.oneTime(new Job(SLOW, "Test job", "A job of the tests."), String.class, FAST, id -> {
            try {
                JobRun.count("waited", RELEASE_SLOW.await(20, TimeUnit.SECONDS) ? 1 : 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Bean
    FlakyListener flakyListener() {
        return new FlakyListener();
    }

    /** A module event only the test publishes. */
    record SomethingHappened(String id) {
    }

    /** Fails the first delivery of each event, like a listener whose database or provider was briefly down. */
    static class FlakyListener {

        static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();
        static final Set<String> HANDLED = ConcurrentHashMap.newKeySet();

        @ApplicationModuleListener
        void on(SomethingHappened event) {
            if (FAILED_ONCE.add(event.id())) {
                throw new IllegalStateException("first delivery of " + event.id() + " fails");
            }
            HANDLED.add(event.id());
        }
    }
}
