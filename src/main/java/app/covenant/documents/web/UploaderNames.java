package app.covenant.documents.web;

import app.covenant.documents.DocumentView;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Names of the users who uploaded the documents shown on a page, in one query. Read straight from the
 * users table: identity publishes no lookup of names yet, and a page only shows them.
 */
@Component
class UploaderNames {

    private final NamedParameterJdbcTemplate jdbc;

    UploaderNames(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, String> of(Collection<DocumentView> documents) {
        List<UUID> ids = documents.stream().map(DocumentView::uploadedBy).filter(Objects::nonNull).distinct().toList();
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, name from users where id in (:ids)", Map.of("ids", ids),
                    rs -> {
                        names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                    });
        }
        return names;
    }
}
