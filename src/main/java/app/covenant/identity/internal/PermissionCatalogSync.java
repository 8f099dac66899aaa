package app.covenant.identity.internal;

import app.covenant.identity.Permissions;
import app.covenant.identity.SystemRole;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the database in line with the code at startup: every permission of {@link Permissions}
 * exists, every {@link SystemRole} exists, and permissions new in this release are granted to the
 * system roles that should have them — without undoing a super admin's later edits. Idempotent and
 * safe when several nodes start at once ({@code ON CONFLICT DO NOTHING}, also understood by H2).
 */
@Component
class PermissionCatalogSync {

    private static final Logger log = LoggerFactory.getLogger(PermissionCatalogSync.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PermissionCatalogSync(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    void synchronize() {
        Set<String> added = new HashSet<>();
        for (Map.Entry<String, String> permission : Permissions.all().entrySet()) {
            int inserted = jdbc.update("insert into permissions (code, module, description) values (?, ?, ?) "
                    + "on conflict do nothing", permission.getKey(), Permissions.moduleOf(permission.getKey()),
                    permission.getValue());
            if (inserted == 1) {
                added.add(permission.getKey());
            }
        }
        int rolesCreated = 0;
        for (SystemRole role : SystemRole.values()) {
            int inserted = jdbc.update("insert into roles (id, code, name, description, organization_id, scope_key, "
                            + "system_role, created_at) values (?, ?, ?, ?, null, 'system', true, ?) on conflict do nothing",
                    UUID.randomUUID(), role.name(), role.displayName(), role.description(),
                    Timestamp.from(clock.instant()));
            rolesCreated += inserted;
            UUID roleId = jdbc.queryForObject("select id from roles where scope_key = 'system' and code = ?",
                    UUID.class, role.name());
            Set<String> grant = inserted == 1 ? role.permissions() : intersection(role.permissions(), added);
            for (String code : grant) {
                jdbc.update("insert into role_permissions (role_id, permission_code) values (?, ?) on conflict do nothing",
                        roleId, code);
            }
        }
        if (!added.isEmpty() || rolesCreated > 0) {
            log.info("Permission catalogue synchronised: {} new permissions, {} new system roles", added.size(),
                    rolesCreated);
        }
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.retainAll(b);
        return result;
    }
}
