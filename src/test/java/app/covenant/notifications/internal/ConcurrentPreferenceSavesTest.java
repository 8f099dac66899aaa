package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A user's first save of their preferences, sent twice at once (a double click, two tabs), stores one
 * row per type and answers both requests instead of failing the slower one on the primary key.
 */
@IntegrationTest
class ConcurrentPreferenceSavesTest {

    private static final int SAVES = 6;
    private static final String TYPE = "identity.invitation-accepted";

    @Autowired
    NotificationPreferences preferences;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentFirstSavesAllSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID user = TestTenants.create(jdbc).userId("USER");
            CyclicBarrier start = new CyclicBarrier(SAVES);
            List<Future<?>> saves = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(SAVES)) {
                for (int i = 0; i < SAVES; i++) {
                    boolean email = i % 2 == 0;
                    saves.add(threads.submit(() -> {
                        start.await();
                        return preferences.update(user,
                                List.of(new NotificationPreferences.Change(TYPE, true, email)));
                    }));
                }
                for (Future<?> save : saves) {
                    save.get();
                }
            }
            assertThat(jdbc.queryForObject("select count(*) from notification_preferences where user_id = ?",
                    Integer.class, user)).isEqualTo(1);
        }
    }
}
