package app.covenant.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Test organizations on the real database: one organization per call, with one active user per
 * system role ({@code admin@<code>.test}, {@code legal_head@<code>.test}, ...), all with {@link #PASSWORD}.
 * Written with plain SQL so tests do not depend on the code they check.
 */
public final class TestTenants {

    public static final String PASSWORD = "Sturdy-Test-Passphrase-42";
    public static final String[] ROLES = {"SUPER_ADMIN", "ADMIN", "MANAGER", "USER", "LEGAL_MANAGER", "LEGAL_HEAD",
            "FINANCE_MANAGER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER"};

    private static final String HASH = new BCryptPasswordEncoder(12).encode(PASSWORD);

    /** An organization and its users, e-mail by role code. */
    public record Tenant(UUID organizationId, String code, Map<String, UUID> userIds) {

        public String email(String role) {
            return role.toLowerCase(Locale.ROOT) + "@" + code.toLowerCase(Locale.ROOT) + ".test";
        }

        public UUID userId(String role) {
            return userIds.get(role);
        }
    }

    private TestTenants() {
    }

    public static Tenant create(JdbcTemplate jdbc) {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        UUID organizationId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into organizations (id, code, name, type, parent_id, active, settings, created_at) "
                + "values (?, ?, ?, 'PARENT', null, true, '{}', ?)", organizationId, code, "Tenant " + code, now);
        Map<String, UUID> users = new LinkedHashMap<>();
        Tenant tenant = new Tenant(organizationId, code, users);
        for (String role : ROLES) {
            users.put(role, addUser(jdbc, tenant, tenant.email(role), role));
        }
        return tenant;
    }

    /** Another active user with a role in the tenant. */
    public static UUID addUser(JdbcTemplate jdbc, Tenant tenant, String email, String role) {
        UUID userId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into users (id, email, email_normalized, name, password_hash, status, email_verified, "
                        + "must_change_password, created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', true, false, ?, ?)",
                userId, email, email.toLowerCase(Locale.ROOT), "Test " + role, HASH, now, now);
        UUID roleId = jdbc.queryForObject("select id from roles where scope_key = 'system' and code = ?", UUID.class,
                role);
        jdbc.update("insert into memberships (id, user_id, organization_id, role_id, created_at) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), userId, tenant.organizationId(), roleId, now);
        return userId;
    }
}
