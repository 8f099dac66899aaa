package app.covenant.audit.internal;

import app.covenant.shared.security.Caller;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which entries a reader may see: those of their own organization (every organization for the platform
 * operator), and {@code LEGAL_ONLY} ones only with {@value #LEGAL_PERMISSION}.
 *
 * @param organizationId {@code null}: every organization
 */
public record AuditScope(UUID organizationId, boolean legal) {

    public static final String READ_PERMISSION = "audit:read";
    public static final String LEGAL_PERMISSION = "audit:read:legal";
    /** Verification covers every organization's chains, so checking them (and learning their lengths) is for the platform operator. */
    public static final String VERIFY_PERMISSION = "audit:verify";

    public static AuditScope of(Caller caller) {
        if (caller == null || !caller.has(READ_PERMISSION)) {
            // Normally stopped by @PreAuthorize already; this keeps the query safe on its own.
            throw new AccessDeniedException("The audit log needs " + READ_PERMISSION);
        }
        return new AuditScope(caller.isSuperAdmin() ? null : caller.organizationId(), caller.has(LEGAL_PERMISSION));
    }
}
