package app.covenant.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import app.covenant.platform.ui.HomeCard.Urgency;
import app.covenant.shared.security.Caller;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The order of the home page's cards, and a failing source that costs nothing but its own cards. */
class HomeCardsTest {

    private static final Caller CALLER = new Caller(UUID.randomUUID(), "ada@example.com", "Ada", UUID.randomUUID(),
            Set.of("ADMIN"), Set.of(), UUID.randomUUID());

    @Test
    void urgentFirstThenTheLargestCountAndEmptyCardsLeftOut() {
        HomeCards cards = cards(
                caller -> List.of(card("Recent documents", 9, Urgency.INFO), card("Nothing", 0, Urgency.ACTION_NEEDED)),
                caller -> List.of(card("Unread notifications", 2, Urgency.ATTENTION)),
                caller -> List.of(card("Invitations", 5, Urgency.ATTENTION), card("Undelivered", 1, Urgency.ACTION_NEEDED)));

        assertThat(cards.of(CALLER)).extracting(HomeCard::title)
                .containsExactly("Undelivered", "Invitations", "Unread notifications", "Recent documents");
    }

    @Test
    void aFailingSourceIsSkipped() {
        HomeCards cards = cards(
                caller -> {
                    throw new IllegalStateException("the table is away");
                },
                caller -> List.of(card("Recent documents", 1, Urgency.INFO)));

        assertThat(cards.of(CALLER)).extracting(HomeCard::title).containsExactly("Recent documents");
    }

    @Test
    void aCardLinksOnlyWithinTheSite() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HomeCard("x", 1, "y", "https://example.com/", "file", Urgency.INFO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HomeCard("x", 1, "y", "//example.com/", "file", Urgency.INFO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HomeCard("x", -1, "y", "/documents", "file", Urgency.INFO));
    }

    private static HomeCards cards(HomeCardSource... sources) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (int i = 0; i < sources.length; i++) {
            beans.addBean("source" + i, sources[i]);
        }
        return new HomeCards(beans.getBeanProvider(HomeCardSource.class));
    }

    private static HomeCard card(String title, long count, Urgency urgency) {
        return new HomeCard(title, count, "summary", "/somewhere", "file", urgency);
    }
}
