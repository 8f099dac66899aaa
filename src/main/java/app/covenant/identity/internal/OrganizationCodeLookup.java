package app.covenant.identity.internal;

import app.covenant.identity.OrganizationCodes;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link OrganizationCodes}: one read by primary key. */
@Component
class OrganizationCodeLookup implements OrganizationCodes {

    private final JdbcTemplate jdbc;

    OrganizationCodeLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public String codeOf(UUID organizationId) {
        List<String> codes = jdbc.queryForList("select code from organizations where id = ?", String.class,
                organizationId);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("No organization " + organizationId);
        }
        return codes.getFirst();
    }
}
