package app.covenant.documents.web;

import app.covenant.documents.internal.RecentLibraryDocuments;
import app.covenant.platform.ui.HomeCard;
import app.covenant.platform.ui.HomeCard.Urgency;
import app.covenant.platform.ui.HomeCardSource;
import app.covenant.shared.security.Caller;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** For document readers: what was uploaded to their organization's library in the last seven days. */
@Component
class RecentDocumentsHomeCard implements HomeCardSource {

    private static final Duration RECENT = Duration.ofDays(7);

    private final RecentLibraryDocuments recent;

    RecentDocumentsHomeCard(RecentLibraryDocuments recent) {
        this.recent = recent;
    }

    @Override
    public List<HomeCard> cardsFor(Caller caller) {
        if (!caller.has("document:read")) {
            return List.of();
        }
        long count = recent.count(caller.organizationId(), RECENT);
        return List.of(new HomeCard("Recent documents", count,
                count == 1 ? "One document was uploaded to the library in the last 7 days."
                        : "Documents uploaded to the library in the last 7 days.",
                "/documents", "file", Urgency.INFO));
    }
}
