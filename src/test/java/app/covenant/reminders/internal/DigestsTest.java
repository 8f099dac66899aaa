package app.covenant.reminders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.reminders.ReminderType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The digest's subject and model from its lines (the grouping itself is tested against PostgreSQL in ReminderRunTest). */
class DigestsTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();

    private static DigestLine line(long total, int days, ReminderType type, String subject) {
        return new DigestLine(ORGANIZATION, "blair@broker.test", total, UUID.randomUUID(), UUID.randomUUID(), days, type,
                subject);
    }

    @Test
    void aDigestOfOneReminderTakesItsSubjectAndSaysNothingMore() {
        DigestLine only = line(1, 7, ReminderType.DAYS_7, "[7 Days] URGENT GL policy A-1 of Sparks (Tower) expires on 8 May 2031");
        assertThat(Digests.subject(List.of(only))).isEqualTo(only.subject());
        Map<String, Object> model = Digests.model(List.of(only));
        assertThat(model).containsEntry("heading", "An insurance policy needs renewal").doesNotContainKey("more")
                .containsEntry("link", "/reminders");
        assertThat((List<?>) model.get("items")).singleElement().isEqualTo(Map.of("subject", only.subject(),
                "certificatePath", "/insurance/certificates/" + only.coiId(),
                "acknowledgePath", "/reminders/" + only.reminderId() + "/acknowledge"));
    }

    @Test
    void aLargeDigestCountsEverythingListsTheFirstLinesAndPointsToTheRest() {
        List<DigestLine> lines = IntStream.range(0, Digests.DIGEST_ITEMS)
                .mapToObj(i -> line(250, -9 + i, ReminderType.EVERY_2_DAYS, "subject " + i)).toList();
        assertThat(Digests.subject(lines)).isEqualTo("[OVERDUE 9 Days] 250 insurance policies need renewal");
        Map<String, Object> model = Digests.model(lines);
        assertThat(model).containsEntry("heading", "250 insurance policies need renewal")
                .containsEntry("more", "… and 150 more on the reminders page.");
        assertThat((List<?>) model.get("items")).hasSize(Digests.DIGEST_ITEMS);
    }
}
