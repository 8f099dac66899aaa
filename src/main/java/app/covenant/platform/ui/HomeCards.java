package app.covenant.platform.ui;

import app.covenant.shared.security.Caller;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Asks every module's {@link HomeCardSource} for the signed-in person's cards and puts them in order. */
@Component
class HomeCards {

    private static final Logger log = LoggerFactory.getLogger(HomeCards.class);

    static final Comparator<HomeCard> MOST_URGENT_FIRST = Comparator.comparing(HomeCard::urgency)
            .thenComparing(Comparator.comparingLong(HomeCard::count).reversed())
            .thenComparing(HomeCard::title);

    private final List<HomeCardSource> sources;

    HomeCards(ObjectProvider<HomeCardSource> sources) {
        this.sources = sources.orderedStream().toList();
    }

    /** The cards with something in them, most urgent first, then the largest count. */
    List<HomeCard> of(Caller caller) {
        List<HomeCard> cards = new ArrayList<>();
        for (HomeCardSource source : sources) {
            try {
                source.cardsFor(caller).stream().filter(card -> card.count() > 0).forEach(cards::add);
            } catch (RuntimeException e) {
                // One module's trouble (a slow table, a bug) must not cost the person the whole home page.
                log.warn("Home card source {} failed; its cards are left out", source.getClass().getName(), e);
            }
        }
        cards.sort(MOST_URGENT_FIRST);
        return cards;
    }
}
