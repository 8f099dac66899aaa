package app.covenant.identity.internal;

import app.covenant.shared.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code GET /auth/me}, asked on every page load of a client, in two statements: the account's own
 * columns with the organizations the caller may switch to, then their feature flags. The e-mail, name,
 * role and permissions were read for this request already ({@link CallerLoader}); no entity is loaded.
 */
@Component
class MeReader {

    // A super admin may switch to every active organization; anyone else to those of their active memberships.
    private static final String ACCOUNT_AND_ORGANIZATIONS = """
            select u.phone, u.email_verified, u.must_change_password,
                   o.id, o.code, o.name, o.type, o.parent_id, o.active, o.created_at
            from users u
            left join organizations o on o.active = true and (cast(? as boolean) or exists(select 1 from memberships m
                where m.user_id = u.id and m.organization_id = o.id and m.status = 'ACTIVE'))
            where u.id = ?
            order by o.name, o.id
            """;

    private record Row(Me.MeUser user, OrganizationView organization) {
    }

    private final JdbcTemplate jdbc;
    private final FeatureFlags features;
    private final OrganizationAdministration organizations;

    MeReader(JdbcTemplate jdbc, FeatureFlags features, OrganizationAdministration organizations) {
        this.jdbc = jdbc;
        this.features = features;
        this.organizations = organizations;
    }

    Me describe(Caller caller) {
        List<Row> rows = jdbc.query(ACCOUNT_AND_ORGANIZATIONS, (rs, i) -> row(caller, rs), caller.isSuperAdmin(),
                caller.userId());
        if (rows.isEmpty()) {
            throw new IllegalStateException("The caller's account was loaded for this request and is gone");
        }
        List<OrganizationView> found = rows.stream().map(Row::organization).filter(o -> o != null).toList();
        Map<UUID, Map<String, Boolean>> flags = features.ofAll(found.stream().map(OrganizationView::id).toList());
        List<OrganizationView> mine = new ArrayList<>();
        found.forEach(o -> mine.add(new OrganizationView(o.id(), o.code(), o.name(), o.type(), o.parentId(),
                o.active(), flags.get(o.id()), o.createdAt())));
        // A super admin may act in an organization that is switched off, which the list leaves out.
        OrganizationView current = mine.stream().filter(o -> o.id().equals(caller.organizationId())).findFirst()
                .orElseGet(() -> organizations.get(caller, caller.organizationId()));
        return new Me(rows.getFirst().user(), current, caller.roles().stream().sorted().toList(),
                caller.permissions().stream().sorted().toList(), List.copyOf(mine));
    }

    private static Row row(Caller caller, ResultSet rs) throws SQLException {
        Me.MeUser user = new Me.MeUser(caller.userId(), caller.email(), caller.name(), rs.getString("phone"),
                rs.getBoolean("email_verified"), rs.getBoolean("must_change_password"));
        UUID id = rs.getObject("id", UUID.class);
        OrganizationView organization = id == null ? null : new OrganizationView(id, rs.getString("code"),
                rs.getString("name"), rs.getString("type"), rs.getObject("parent_id", UUID.class),
                rs.getBoolean("active"), null, rs.getTimestamp("created_at").toInstant());
        return new Row(user, organization);
    }
}
