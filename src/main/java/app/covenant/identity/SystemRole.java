package app.covenant.identity;

import java.util.Arrays;

/**
 * The roles of PRODUCT.md. Created at first start; afterwards only a SUPER_ADMIN edits them. Which
 * permissions each gets by default is declared by the modules that own the permissions
 * ({@code PermissionSet} beans); SUPER_ADMIN gets every permission and ADMIN every one that is not
 * platform-only, without being named.
 */
public enum SystemRole {

    SUPER_ADMIN("Super administrator", "Everything, across organizations"),
    // A tenant's administrator may do everything inside their organization, so they can also hand out
    // every role there (no role may grant more than its granter holds). Separation of duties between
    // legal, finance and brokers is enforced by the workflows that check who is assigned to act.
    ADMIN("Administrator", "Everything within their organization: users, roles, settings, programs, review, audit"),
    MANAGER("Compliance manager", "Reviews certificates, manages projects and reminders"),
    USER("User", "Drafts and submits contracts"),
    LEGAL_MANAGER("Legal manager", "Reviews, edits and sends contracts; escalates"),
    LEGAL_HEAD("Head of legal", "Decides escalated contracts, may reject"),
    FINANCE_MANAGER("Finance manager", "Finance approval of contracts"),
    CONTRACTOR("General contractor", "Sees their projects, subcontractors and compliance; signs hold-harmless"),
    SUBCONTRACTOR("Subcontractor", "Names brokers, sees their certificates and deficiencies, signs hold-harmless"),
    BROKER("Insurance broker", "Uploads and attests certificates for their clients' policies");

    private final String displayName;
    private final String description;

    SystemRole(String displayName, String description) {
        this.displayName = displayName;
        this.description = description;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public static boolean isSystem(String code) {
        return Arrays.stream(values()).anyMatch(role -> role.name().equals(code));
    }
}
