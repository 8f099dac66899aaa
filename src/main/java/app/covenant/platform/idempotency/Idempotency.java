package app.covenant.platform.idempotency;

import jakarta.servlet.Filter;
import java.util.List;

/** Holds the filter without making it a servlet-filter bean: it must run inside the security chain only. */
public record Idempotency(IdempotencyFilter filter) {

    /**
     * The filter, never keeping the answers of paths under these prefixes: answers that carry secrets
     * (tokens) must not lie in the database in clear for a day.
     */
    public Filter asFilterNeverStoring(String... pathPrefixes) {
        return filter.neverStoring(List.of(pathPrefixes));
    }
}
