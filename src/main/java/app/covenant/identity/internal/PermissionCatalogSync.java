package app.covenant.identity.internal;

import app.covenant.identity.SystemRole;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the database in line with what the modules declare ({@link PermissionCatalog}) at startup: every
 * declared permission exists with its description, every {@link SystemRole} exists, permissions new in this
 * release are granted to the system roles their declaration names — without undoing a super admin's later
 * edits — and permissions no module declares any more are removed from every role and from the catalogue,
 * so the role editor only offers what protects something. Idempotent and safe when several nodes start at
 * once ({@code ON CONFLICT DO NOTHING}, also understood by H2).
 */
@Component
class PermissionCatalogSync {

    private static final Logger log = LoggerFactory.getLogger(PermissionCatalogSync.class);

    private final PermissionCatalog catalog;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PermissionCatalogSync(PermissionCatalog catalog, JdbcTemplate jdbc, Clock clock) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    void synchronize() {
        Set<String> added = new HashSet<>();
        for (PermissionCatalog.Entry permission : catalog.entries()) {
            int inserted = jdbc.update("insert into permissions (code, module, description) values (?, ?, ?) "
                    + "on conflict do nothing", permission.code(), permission.module(), permission.description());
            if (inserted == 1) {
                added.add(permission.code());
            } else {
                jdbc.update("update permissions set module = ?, description = ? where code = ? "
                                + "and (module <> ? or description <> ?)", permission.module(), permission.description(),
                        permission.code(), permission.module(), permission.description());
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
            Set<String> grant = new HashSet<>(catalog.defaultsOf(role));
            if (inserted == 0) {
                grant.retainAll(added);
            }
            for (String code : grant) {
                jdbc.update("insert into role_permissions (role_id, permission_code) values (?, ?) on conflict do nothing",
                        roleId, code);
            }
        }
        List<String> retired = retireUndeclared();
        if (!added.isEmpty() || rolesCreated > 0 || !retired.isEmpty()) {
            log.info("Permission catalogue synchronised: {} new permissions, {} new system roles, retired {}",
                    added.size(), rolesCreated, retired);
        }
    }

    /** Removes the permissions no module declares (a module removed, or a permission dropped), roles first. */
    private List<String> retireUndeclared() {
        List<String> retired = jdbc.queryForList("select code from permissions order by code", String.class).stream()
                .filter(code -> !catalog.exists(code)).toList();
        for (String code : retired) {
            jdbc.update("delete from role_permissions where permission_code = ?", code);
            jdbc.update("delete from permissions where code = ?", code);
        }
        return retired;
    }
}
