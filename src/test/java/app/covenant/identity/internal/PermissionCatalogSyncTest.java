package app.covenant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The catalogue follows the declarations at every start: a permission no module declares any more leaves
 * every role and the catalogue, a new one reaches the roles its declaration names, and a super admin's
 * later edit of a system role stays as it is.
 */
@IntegrationTest
class PermissionCatalogSyncTest {

    @Autowired
    PermissionCatalogSync sync;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void permissionsNoModuleDeclaresAreRemovedFromEveryRoleAndTheCatalogue() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        UUID custom = UUID.randomUUID();
        jdbc.update("insert into roles (id, code, name, organization_id, scope_key, system_role, created_at) "
                        + "values (?, 'SITE_REVIEWER', 'Site reviewer', ?, ?, false, ?)", custom, tenant.organizationId(),
                tenant.organizationId().toString(), Timestamp.from(Instant.now()));
        jdbc.update("insert into permissions (code, module, description) values ('retired:review', 'retired', 'Review')");
        jdbc.update("insert into role_permissions (role_id, permission_code) values (?, 'retired:review'), (?, 'document:read')",
                custom, custom);
        jdbc.update("insert into role_permissions (role_id, permission_code) values (?, 'retired:review')", role("MANAGER"));

        sync.synchronize();

        assertThat(jdbc.queryForObject("select count(*) from permissions where code = 'retired:review'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from role_permissions where permission_code = 'retired:review'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForList("select permission_code from role_permissions where role_id = ?", String.class,
                custom)).containsExactly("document:read");
    }

    @Test
    void aNewPermissionReachesItsRolesAndASuperAdminsEditIsKept() {
        UUID manager = role("MANAGER");
        // A super admin took document:upload from managers: a later start must not hand it back.
        jdbc.update("delete from role_permissions where role_id = ? and permission_code = 'document:upload'", manager);
        // fixture:read as if this release brought it.
        jdbc.update("delete from role_permissions where permission_code = 'fixture:read'");
        jdbc.update("delete from permissions where code = 'fixture:read'");
        try {
            sync.synchronize();

            assertThat(jdbc.queryForList("""
                    select r.code from role_permissions p join roles r on r.id = p.role_id
                    where p.permission_code = 'fixture:read' and r.system_role order by r.code""", String.class))
                    .containsExactly("ADMIN", "MANAGER", "SUPER_ADMIN");
            assertThat(jdbc.queryForObject("select count(*) from role_permissions where role_id = ? "
                    + "and permission_code = 'document:upload'", Integer.class, manager)).isZero();
        } finally {
            jdbc.update("insert into role_permissions (role_id, permission_code) values (?, 'document:upload')", manager);
        }
    }

    private UUID role(String code) {
        return jdbc.queryForObject("select id from roles where scope_key = 'system' and code = ?", UUID.class, code);
    }
}
