package app.covenant.documents;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The display names of users, for showing who uploaded what. Implemented by the identity module, which
 * owns users; declared here so documents stays below identity in the module graph.
 */
public interface UserNames {

    /** Id → name of those of {@code userIds} that exist, in one query. */
    Map<UUID, String> namesOf(Collection<UUID> userIds);
}
