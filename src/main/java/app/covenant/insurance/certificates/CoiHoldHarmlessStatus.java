package app.covenant.insurance.certificates;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes the certificates' hold-harmless status for {@code insurance.access.AgreementFacts}, through the repository. */
@Component
public class CoiHoldHarmlessStatus {

    // Keeps an IN list well under every database's limit on bound parameters.
    private static final int CHUNK = 500;

    private final CoiRepository cois;

    CoiHoldHarmlessStatus(CoiRepository cois) {
        this.cois = cois;
    }

    /** Sets {@code status} on each certificate of {@code coiIds} that exists; answers how many. */
    @Transactional
    public int record(Collection<UUID> coiIds, String status, Instant at) {
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(coiIds));
        int updated = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            updated += cois.recordHoldHarmlessStatus(ids.subList(from, Math.min(ids.size(), from + CHUNK)), status, at);
        }
        return updated;
    }
}
