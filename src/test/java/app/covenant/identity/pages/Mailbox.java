package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/** The links e-mailed through the outbox, read from the {@code email_outbox} table. */
final class Mailbox {

    private Mailbox() {
    }

    /** The path and query of the newest link to {@code page} e-mailed to {@code address}, e.g. {@code /reset-password?token=…}. */
    static String lastLink(JdbcTemplate jdbc, String address, String page) {
        // Some e-mails (the reset link) are queued just after the answer: wait for the first one to arrive.
        await().atMost(Duration.ofSeconds(10)).until(() -> count(jdbc, address) > 0);
        List<String> bodies = jdbc.queryForList("select body_text from email_outbox where to_address = ? "
                + "order by created_at desc", String.class, address);
        Pattern link = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(page) + "\\?token=[A-Za-z0-9_\\-]+)");
        for (String body : bodies) {
            Matcher matcher = link.matcher(body);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        assertThat(bodies).as("an e-mail to %s with a link to %s", address, page).isEmpty();
        throw new AssertionError("no e-mail to " + address);
    }

    static int count(JdbcTemplate jdbc, String address) {
        return jdbc.queryForObject("select count(*) from email_outbox where to_address = ?", Integer.class, address);
    }
}
