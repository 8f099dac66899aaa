package app.covenant.security;

import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Real records of a tenant for path variables, written with plain SQL (like {@link TestTenants}) so
 * the matrix does not depend on the code it checks. Records an allowed call may change or delete
 * (a user to deactivate, a role to delete, a session to revoke) are never the caller's own.
 */
final class MatrixFixtures {

    /** bcrypt at the lowest cost: a spare user signs in in milliseconds (the hash carries its own cost). */
    private static final String CHEAP_HASH = new BCryptPasswordEncoder(4).encode(TestTenants.PASSWORD);

    private final JdbcTemplate jdbc;
    private final Map<UUID, UUID> victims = new ConcurrentHashMap<>();
    private final Map<String, String> spares = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> entities = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> cois = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> reminders = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> envelopes = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> agreements = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> contractTemplates = new ConcurrentHashMap<>();
    private final Map<String, UUID> contracts = new ConcurrentHashMap<>();
    private final Map<String, UUID> contractApprovals = new ConcurrentHashMap<>();

    MatrixFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A plain user of the tenant (role USER) for the user endpoints to read, edit, deactivate and unlock. */
    UUID victim(Tenant tenant) {
        return victims.computeIfAbsent(tenant.organizationId(), organization -> TestTenants.addUser(jdbc, tenant,
                "victim@" + tenant.code().toLowerCase(Locale.ROOT) + ".test", "USER"));
    }

    /**
     * The e-mail of a second user of the tenant with {@code role}, for calls that may end the caller's
     * own session (sign-out, password change): signed in afresh for each such call, so the matrix's
     * own sessions live on. Same role, same permissions — only a cheap password hash.
     */
    String spareUser(Tenant tenant, String role) {
        return spares.computeIfAbsent(tenant.code() + "/" + role, key -> {
            String email = "spare-" + role.toLowerCase(Locale.ROOT) + "@" + tenant.code().toLowerCase(Locale.ROOT)
                    + ".test";
            UUID userId = TestTenants.addUser(jdbc, tenant, email, role);
            jdbc.update("update users set password_hash = ? where id = ?", CHEAP_HASH, userId);
            return email;
        });
    }

    /**
     * An entity (child organization) of the tenant that its users belong to, with the same roles:
     * the organization endpoints may rename or deactivate it without taking the tenant's own
     * organization — and with it every session of the matrix — out of service. The SUPER_ADMIN sees
     * every organization without a membership (and a second SUPER_ADMIN membership currently breaks
     * CallerLoader's query: "more than one row returned by a subquery").
     */
    UUID entity(Tenant tenant) {
        return entities.computeIfAbsent(tenant.organizationId(), parent -> {
            UUID id = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("insert into organizations (id, code, name, type, parent_id, active, settings, created_at) "
                    + "values (?, ?, ?, 'ENTITY', ?, true, '{}', ?)", id, tenant.code() + "E", "Entity of " + tenant.code(),
                    parent, now);
            tenant.userIds().entrySet().stream().filter(user -> !user.getKey().equals("SUPER_ADMIN"))
                    .forEach(user -> jdbc.update("insert into memberships (id, user_id, "
                    + "organization_id, role_id, created_at) values (?, ?, ?, (select id from roles where scope_key = "
                    + "'system' and code = ?), ?)", UUID.randomUUID(), user.getValue(), id, user.getKey(), now));
            return id;
        });
    }

    /** Gives the tenant's users a cheap password hash: they sign in in milliseconds, same role, same permissions. */
    void cheapPasswords(Tenant tenant) {
        tenant.userIds().values().forEach(userId ->
                jdbc.update("update users set password_hash = ? where id = ?", CHEAP_HASH, userId));
    }

    /** A new custom role of the tenant (new every time, since an allowed DELETE removes it). */
    /** A FAILED outbox message of the tenant (retry is allowed on it; the row is never sent anywhere). */
    UUID outboxMessage(Tenant tenant) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into email_outbox (id, organization_id, to_address, subject, body_text, body_html, "
                + "template, status, attempts, last_error, next_attempt_at, created_at) values (?, ?, ?, 'Matrix', "
                + "'text', '<p>html</p>', 'password-changed', 'FAILED', 10, 'given up', ?, ?)", id,
                tenant.organizationId(), "matrix@" + tenant.code().toLowerCase(Locale.ROOT) + ".test", now, now);
        return id;
    }

    /** An unread notification of the tenant's user with {@code role} (marking it read is allowed). */
    UUID notification(Tenant tenant, String role) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into notifications (id, user_id, organization_id, type, title, message, link, created_at) "
                + "values (?, ?, ?, 'identity.invitation-accepted', 'Matrix', 'Matrix notification', '/notifications', ?)",
                id, tenant.userId(role), tenant.organizationId(), Timestamp.from(Instant.now()));
        return id;
    }

    /**
     * A new document of the tenant's library uploaded by the caller with {@code role}, who may therefore
     * delete it (metadata only: a download answers that its content is missing, which is past
     * authorization all the same).
     */
    UUID libraryDocument(Tenant tenant, String role) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into documents (id, chain_id, version, previous_version_id, latest, organization_id, "
                + "owner_module, owner_record_id, original_name, content_type, size_bytes, sha256, storage_key, "
                + "uploaded_by, uploaded_at) values (?, ?, 1, null, true, ?, 'documents', ?, 'matrix.pdf', "
                + "'application/pdf', 1, ?, ?, ?, ?)", id, id, tenant.organizationId(), tenant.organizationId(),
                "0".repeat(64), id.toString(), tenant.userId(role), Timestamp.from(Instant.now()));
        return id;
    }

    /**
     * A certificate of insurance of the tenant awaiting broker information, on a project of a GC with a sub
     * assigned (no one of the tenant's users is linked to them: the party roles see it only by relationship, so
     * they get 404). No allowed call with the matrix's bodies can move it: each answers 400 or 409.
     */
    UUID coi(Tenant tenant) {
        return cois.computeIfAbsent(tenant.organizationId(), organization -> {
            Timestamp now = Timestamp.from(Instant.now());
            UUID gc = UUID.randomUUID();
            UUID sub = UUID.randomUUID();
            for (UUID contractor : new UUID[] {gc, sub}) {
                jdbc.update("insert into insurance_contractors (id, organization_id, type, name, status, created_at, "
                        + "updated_at) values (?, ?, ?, ?, 'ACTIVE', ?, ?)", contractor, organization,
                        contractor == gc ? "GENERAL_CONTRACTOR" : "SUBCONTRACTOR", "Matrix " + contractor, now, now);
            }
            UUID project = UUID.randomUUID();
            jdbc.update("insert into insurance_projects (id, organization_id, gc_id, name, status, created_at, updated_at) "
                    + "values (?, ?, ?, 'Matrix project', 'ACTIVE', ?, ?)", project, organization, gc, now, now);
            jdbc.update("insert into insurance_project_assignments (id, project_id, sub_id, created_at) values (?, ?, ?, ?)",
                    UUID.randomUUID(), project, sub, now);
            UUID coi = UUID.randomUUID();
            jdbc.update("insert into insurance_cois (id, organization_id, project_id, sub_id, gc_id, status, created_at, "
                    + "updated_at) values (?, ?, ?, ?, ?, 'AWAITING_BROKER_INFO', ?, ?)", coi, organization, project, sub,
                    gc, now, now);
            return coi;
        });
    }

    /** A renewal reminder of the tenant's certificate. */
    UUID reminder(Tenant tenant) {
        return reminders.computeIfAbsent(tenant.organizationId(), organization -> {
            UUID id = UUID.randomUUID();
            jdbc.update("insert into reminders_expiration_reminders (id, organization_id, coi_id, policy_line, "
                    + "expiration_date, days_before_expiry, reminder_type, due_date, sent_at, sent_to, email_subject) "
                    + "values (?, ?, ?, 'GL', ?, 7, 'DAYS_7', ?, ?, 'matrix@example.com', '[7 Days] URGENT matrix')", id,
                    organization, coi(tenant), java.sql.Date.valueOf("2030-01-08"), java.sql.Date.valueOf("2030-01-01"),
                    Timestamp.from(Instant.now()));
            return id;
        });
    }

    /** A signing envelope of the tenant with one signer who is none of its users. */
    /** A hold-harmless agreement of the tenant's certificate, waiting for its generation. */
    UUID holdHarmless(Tenant tenant) {
        return agreements.computeIfAbsent(tenant.organizationId(), organization -> {
            UUID coi = coi(tenant);
            Map<String, Object> row = jdbc.queryForMap("select project_id, sub_id, gc_id from insurance_cois where id = ?",
                    coi);
            UUID id = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("insert into hold_harmless_agreements (id, organization_id, coi_id, project_id, sub_id, gc_id, "
                    + "status, effective_date, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'PENDING_GENERATION', ?, "
                    + "?, ?)", id, organization, coi, row.get("project_id"), row.get("sub_id"), row.get("gc_id"),
                    java.sql.Date.valueOf("2030-01-01"), now, now);
            return id;
        });
    }

    /** A contract template of the tenant (version 1, one placeholder), enabled for the tenant only. */
    UUID contractTemplate(Tenant tenant) {
        return contractTemplates.computeIfAbsent(tenant.organizationId(), organization -> {
            UUID id = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("insert into contract_templates (id, scope_key, owner_organization_id, code, name, category, "
                    + "active, current_version, variable_count, created_at, updated_at) values (?, ?, ?, 'MATRIX', "
                    + "'Matrix template', 'OTHER', true, 1, 1, ?, ?)", id, organization.toString(), organization, now, now);
            jdbc.update("insert into contract_template_availability (template_id, organization_id) values (?, ?)", id,
                    organization);
            UUID version = UUID.randomUUID();
            jdbc.update("insert into contract_template_versions (id, template_id, number, body_html, created_at) "
                    + "values (?, ?, 1, '<p>Dear {{NAME}}</p>', ?)", version, id, now);
            jdbc.update("insert into contract_template_variables (version_id, sort_order, var_key, label, type, required) "
                    + "values (?, 0, 'NAME', 'Name', 'TEXT', true)", version);
            return id;
        });
    }

    UUID envelope(Tenant tenant) {
        return envelopes.computeIfAbsent(tenant.organizationId(), organization -> {
            UUID id = UUID.randomUUID();
            jdbc.update("insert into signatures_envelopes (id, organization_id, title, sender_name, status, code_required, "
                    + "original_document_id, original_sha256, created_at) values (?, ?, 'Matrix envelope', 'Matrix', "
                    + "'SENT', false, ?, ?, ?)", id, organization, UUID.randomUUID(), "0".repeat(64),
                    Timestamp.from(Instant.now()));
            jdbc.update("insert into signatures_signers (id, envelope_id, signing_order, name, email, role_label, status) "
                    + "values (?, ?, 1, 'Matrix signer', 'signer@example.com', 'Signer', 'NOTIFIED')", UUID.randomUUID(), id);
            return id;
        });
    }

    UUID customRole(Tenant tenant) {
        UUID id = UUID.randomUUID();
        String code = "MATRIX_" + id.toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        jdbc.update("insert into roles (id, code, name, description, organization_id, scope_key, system_role, "
                        + "created_at) values (?, ?, ?, null, ?, ?, false, ?)", id, code, "Matrix " + code,
                tenant.organizationId(), tenant.organizationId().toString(), Timestamp.from(Instant.now()));
        jdbc.update("insert into role_permissions (role_id, permission_code) values (?, 'notification:read')", id);
        return id;
    }

    /**
     * A new active session (refresh-token family) of the tenant's user with {@code role}: revoking it
     * ends that session only, never the one the matrix is calling with.
     */
    UUID session(Tenant tenant, String role) {
        UUID family = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.update("insert into refresh_tokens (id, selector, verifier_hash, family_id, user_id, organization_id, "
                        + "status, issued_at, expires_at, family_started_at, ip_address, user_agent) "
                        + "values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, '127.0.0.1', 'authorization-matrix')",
                UUID.randomUUID(), family.toString().replace("-", ""), "not-a-usable-verifier", family,
                tenant.userId(role), tenant.organizationId(), Timestamp.from(now),
                Timestamp.from(now.plus(Duration.ofDays(1))), Timestamp.from(now));
        return family;
    }

    /**
     * A new subcontractor of a new GC linked to the tenant's user with {@code role}: a GC's own people
     * (CONTRACTOR) may read, edit and delete their subs like the organization's staff (new every call: an
     * allowed DELETE removes it); the other parties do not see it (404).
     */
    UUID insuranceContractor(Tenant tenant, String role) {
        UUID gc = insuranceGc(tenant, role);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_contractors (id, organization_id, type, name, status, created_at, updated_at) "
                + "values (?, ?, 'SUBCONTRACTOR', ?, 'ACTIVE', ?, ?)", id, tenant.organizationId(),
                "Matrix sub " + id.toString().substring(0, 8), now, now);
        jdbc.update("insert into insurance_gc_subcontractors (gc_id, sub_id, created_at) values (?, ?, ?)", gc, id, now);
        return id;
    }

    /** A new general contractor of the tenant linked to the tenant's user with {@code role}. */
    UUID insuranceGc(Tenant tenant, String role) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_contractors (id, organization_id, type, name, status, created_at, updated_at) "
                + "values (?, ?, 'GENERAL_CONTRACTOR', ?, 'ACTIVE', ?, ?)", id, tenant.organizationId(),
                "Matrix GC " + id.toString().substring(0, 8), now, now);
        jdbc.update("insert into insurance_contractor_users (contractor_id, user_id) values (?, ?)", id, tenant.userId(role));
        return id;
    }

    /** A new project of a new GC linked to the tenant's user with {@code role} (an allowed DELETE removes it). */
    UUID insuranceProject(Tenant tenant, String role) {
        UUID gc = insuranceGc(tenant, role);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_projects (id, organization_id, gc_id, name, status, created_at, updated_at) "
                + "values (?, ?, ?, 'Matrix project', 'ACTIVE', ?, ?)", id, tenant.organizationId(), gc, now, now);
        return id;
    }

    /** A new (not default) insurance program of the tenant, without tiers (an allowed DELETE removes it). */
    UUID insuranceProgram(Tenant tenant) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_programs (id, organization_id, name, is_default, wc_statutory_required, "
                + "ai_required, wos_required, pnc_required, hold_harmless_required, created_at, updated_at) values "
                + "(?, ?, ?, false, true, true, true, false, false, ?, ?)", id, tenant.organizationId(),
                "Matrix program " + id, now, now);
        return id;
    }

    /**
     * A draft contract of the tenant owned by its user with {@code role}: the owner may edit, submit, share and cancel
     * it, so no allowed role is refused by the contracts' owner rules (a colleague's contract would answer 403 or 404).
     */
    UUID contract(Tenant tenant, String role) {
        return contracts.computeIfAbsent(tenant.code() + "/" + role, key -> {
            UUID id = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            String reference = tenant.code() + "-2612-" + id.toString().replace("-", "").substring(0, 6)
                    .toUpperCase(Locale.ROOT);
            jdbc.update("insert into contracts (id, organization_id, reference, title, counterparty_name, currency, "
                    + "body_html, annexures, variable_values, search_text, body_sha256, owner_id, status, "
                    + "current_version, approval_round, created_at, updated_at) values (?, ?, ?, 'Matrix contract', "
                    + "'Matrix Counterparty', 'USD', '<p>Matrix</p>', '[]', '{}', 'Matrix', ?, ?, 'DRAFT', 0, 0, ?, ?)",
                    id, tenant.organizationId(), reference, "0".repeat(64), tenant.userId(role), now, now);
            return id;
        });
    }

    /**
     * An open approval of a contract of the tenant under review, of the type the role decides (FINANCE for finance
     * managers, LEGAL otherwise), so an allowed decider reaches the state checks (409 once decided), never a 403.
     */
    UUID contractApproval(Tenant tenant, String role) {
        String type = "FINANCE_MANAGER".equals(role) ? "FINANCE" : "LEGAL";
        return contractApprovals.computeIfAbsent(tenant.code() + "/" + role, key -> {
            UUID contract = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            String reference = tenant.code() + "-2612-" + contract.toString().replace("-", "").substring(0, 6)
                    .toUpperCase(Locale.ROOT);
            jdbc.update("insert into contracts (id, organization_id, reference, title, counterparty_name, currency, "
                    + "body_html, annexures, variable_values, search_text, body_sha256, owner_id, status, "
                    + "current_version, approval_round, created_at, updated_at) values (?, ?, ?, 'Matrix review', "
                    + "'Matrix Counterparty', 'USD', '<p>Matrix</p>', '[]', '{}', 'Matrix', ?, ?, ?, 0, 1, ?, ?)",
                    contract, tenant.organizationId(), reference, "0".repeat(64), tenant.userId("USER"),
                    "FINANCE".equals(type) ? "SENT_TO_FINANCE" : "SENT_TO_LEGAL", now, now);
            UUID id = UUID.randomUUID();
            jdbc.update("insert into contract_approvals (id, contract_id, organization_id, round, type, status, "
                    + "created_at) values (?, ?, ?, 1, ?, 'PENDING', ?)", id, contract, tenant.organizationId(), type, now);
            return id;
        });
    }
}
