package app.covenant.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every permission of the product, {@code module:action}. Defined once here for all modules (also
 * those still to come) so roles can be set up today and an endpoint can only name a real one.
 * Synchronised into the {@code permissions} table at startup.
 */
public final class Permissions {

    public static final String ORGANIZATION_READ = "organization:read";
    public static final String ORGANIZATION_MANAGE = "organization:manage";
    public static final String FEATURE_MANAGE = "feature:manage";
    public static final String USER_READ = "user:read";
    public static final String USER_INVITE = "user:invite";
    public static final String USER_MANAGE = "user:manage";
    public static final String ROLE_READ = "role:read";
    public static final String ROLE_MANAGE = "role:manage";
    public static final String AUDIT_READ = "audit:read";
    public static final String AUDIT_READ_LEGAL = "audit:read:legal";
    public static final String AUDIT_VERIFY = "audit:verify";
    public static final String JOB_MANAGE = "job:manage";
    public static final String OUTBOX_READ = "outbox:read";
    public static final String METRICS_READ = "metrics:read";
    public static final String NOTIFICATION_READ = "notification:read";

    private static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        // platform and identity
        define(ORGANIZATION_READ, "See organizations and their settings");
        define(ORGANIZATION_MANAGE, "Create and edit organizations and entities");
        define(FEATURE_MANAGE, "Switch an organization's features on and off");
        define(USER_READ, "See the users of the organization");
        define(USER_INVITE, "Invite users by e-mail");
        define(USER_MANAGE, "Change users' roles, deactivate and unlock them");
        define(ROLE_READ, "See roles and their permissions");
        define(ROLE_MANAGE, "Create and edit custom roles");
        define(AUDIT_READ, "Read the audit log");
        define(AUDIT_READ_LEGAL, "Read audit entries visible to legal only");
        define(AUDIT_VERIFY, "Verify the audit log's hash chain across all organizations (platform operators)");
        define(JOB_MANAGE, "See and run the background jobs of the whole platform (platform operators)");
        define(OUTBOX_READ, "Read and retry outgoing e-mail");
        define(METRICS_READ, "Read the operational metrics of the whole platform (platform operators)");
        define(NOTIFICATION_READ, "Receive in-app notifications");
        define("system:read", "See the System page: node status, API docs, health");
        define("document:read", "Download documents of records one can see");
        define("document:upload", "Upload documents, and delete one's own library documents");
        define("document:manage", "Delete any document of the organization's library");
        // insurance
        define("contractor:read", "See contractors");
        define("contractor:manage", "Create and edit contractors");
        define("project:read", "See projects");
        define("project:manage", "Create and edit projects and assign subcontractors");
        define("program:read", "See insurance programs");
        define("program:manage", "Create and edit insurance programs");
        define("broker:search", "Search known brokers");
        define("coi:read", "See certificates of insurance");
        define("coi:create", "Request certificates of insurance");
        define("coi:broker-info", "Name the brokers of a certificate");
        define("coi:upload", "Upload certificates and policies as a broker");
        define("coi:sign", "Attest an upload as a broker");
        define("coi:review", "Approve or reject certificates");
        define("coi:override-finding", "Override a compliance finding with a reason");
        define("reminder:read", "See renewal reminders");
        define("reminder:run", "Run the renewal-reminder job");
        define("reminder:acknowledge", "Acknowledge renewal reminders");
        define("holdharmless:read", "See hold-harmless agreements");
        define("holdharmless:sign", "Sign hold-harmless agreements");
        define("holdharmless:manage", "Resend and retry hold-harmless agreements");
        // contracts
        define("template:read", "See contract templates");
        define("template:manage", "Create and edit contract templates");
        define("contract:read", "See contracts");
        define("contract:create", "Draft contracts");
        define("contract:edit", "Edit contracts in draft or revision");
        define("contract:submit", "Submit contracts for approval");
        define("contract:send", "Send contracts to the counterparty");
        define("contract:upload", "Upload signed copies and third-party paper");
        define("contract:cancel", "Cancel contracts before they are active");
        define("contract:terminate", "Terminate active contracts");
        define("contract:analyze", "Run AI analysis of contracts");
        define("contract:expiry-run", "Run the contract expiry job");
        define("approval:legal:act", "Decide legal approvals");
        define("approval:finance:act", "Decide finance approvals");
        define("approval:reject", "Reject contracts");
        define("approval:escalate", "Escalate legal approvals to the head of legal");
        define("approval:legal-head:act", "Decide escalated approvals as head of legal");
        define("analytics:read", "See dashboards and reports");
        define("search:saved", "Keep saved searches");
        define("envelope:read", "See signature envelopes and their evidence");
    }

    private Permissions() {
    }

    private static void define(String code, String description) {
        ALL.put(code, description);
    }

    /** Code → description, in catalogue order. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(ALL);
    }

    /**
     * Permissions about the whole platform rather than one organization: only SUPER_ADMIN holds them, so a
     * tenant's administrator can neither use nor grant them. Background jobs and metrics span every
     * organization (their counts included), like the audit chain.
     */
    public static Set<String> platformOnly() {
        return Set.of(AUDIT_VERIFY, JOB_MANAGE, METRICS_READ);
    }

    public static boolean exists(String code) {
        return ALL.containsKey(code);
    }

    public static String moduleOf(String code) {
        return code.substring(0, code.indexOf(':'));
    }
}
