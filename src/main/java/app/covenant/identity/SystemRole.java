package app.covenant.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles of PRODUCT.md with their default permissions. Created at first start; afterwards only a
 * SUPER_ADMIN edits them. Permissions added by a later release are granted to the roles listed here.
 */
public enum SystemRole {

    SUPER_ADMIN("Super administrator", "Everything, across organizations", Set.copyOf(Permissions.all().keySet())),
    // A tenant's administrator may do everything inside their organization, so they can also hand out
    // every role there (no role may grant more than its granter holds). Separation of duties between
    // legal, finance and brokers is enforced by the workflows that check who is assigned to act.
    ADMIN("Administrator", "Everything within their organization: users, roles, settings, programs, review, audit",
            allBut(Permissions.platformOnly())),
    MANAGER("Compliance manager", "Reviews certificates, manages projects and reminders", Set.of(
            Permissions.USER_READ, Permissions.NOTIFICATION_READ, "document:read", "document:upload",
            "contractor:read", "contractor:manage", "project:read", "project:manage", "program:read", "broker:search",
            "coi:read", "coi:create", "coi:review", "coi:override-finding", "reminder:read", "reminder:acknowledge",
            "holdharmless:read", "holdharmless:manage", "analytics:read", "envelope:read")),
    USER("User", "Drafts and submits contracts", Set.of(
            Permissions.NOTIFICATION_READ, "document:read", "document:upload", "template:read", "contract:read",
            "contract:create", "contract:edit", "contract:submit", "contract:cancel", "search:saved")),
    LEGAL_MANAGER("Legal manager", "Reviews, edits and sends contracts; escalates", Set.of(
            Permissions.NOTIFICATION_READ, Permissions.AUDIT_READ_LEGAL, "document:read", "document:upload",
            "template:read", "template:manage", "contract:read", "contract:create", "contract:edit", "contract:submit",
            "contract:send", "contract:upload", "contract:cancel", "contract:terminate", "contract:analyze",
            "approval:legal:act", "approval:reject", "approval:escalate", "analytics:read", "search:saved",
            "envelope:read")),
    LEGAL_HEAD("Head of legal", "Decides escalated contracts, may reject", union(LEGAL_MANAGER.permissions,
            "approval:legal-head:act")),
    FINANCE_MANAGER("Finance manager", "Finance approval of contracts", Set.of(
            Permissions.NOTIFICATION_READ, "document:read", "template:read", "contract:read", "approval:finance:act",
            "analytics:read", "search:saved")),
    CONTRACTOR("General contractor", "Sees their projects, subcontractors and compliance; signs hold-harmless", Set.of(
            Permissions.NOTIFICATION_READ, "document:read", "contractor:read", "contractor:manage", "project:read",
            "coi:read", "coi:create", "holdharmless:read", "holdharmless:sign", "reminder:read")),
    SUBCONTRACTOR("Subcontractor", "Names brokers, sees their certificates and deficiencies, signs hold-harmless",
            Set.of(Permissions.NOTIFICATION_READ, "document:read", "document:upload", "contractor:read",
                    "project:read", "coi:read", "coi:broker-info", "broker:search", "holdharmless:read",
                    "holdharmless:sign", "reminder:read")),
    BROKER("Insurance broker", "Uploads and attests certificates for their clients' policies", Set.of(
            Permissions.NOTIFICATION_READ, "document:read", "document:upload", "coi:read", "coi:upload", "coi:sign",
            "reminder:read", "reminder:acknowledge"));

    private final String displayName;
    private final String description;
    private final Set<String> permissions;

    SystemRole(String displayName, String description, Set<String> permissions) {
        this.displayName = displayName;
        this.description = description;
        this.permissions = Set.copyOf(permissions);
        if (!Permissions.all().keySet().containsAll(this.permissions)) {
            throw new IllegalStateException(name() + " names an unknown permission");
        }
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public Set<String> permissions() {
        return permissions;
    }

    public static boolean isSystem(String code) {
        return Arrays.stream(values()).anyMatch(role -> role.name().equals(code));
    }

    private static Set<String> allBut(Set<String> excluded) {
        return Permissions.all().keySet().stream().filter(code -> !excluded.contains(code))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> union(Set<String> base, String... added) {
        return java.util.stream.Stream.concat(base.stream(), Arrays.stream(added))
                .collect(Collectors.toUnmodifiableSet());
    }
}
