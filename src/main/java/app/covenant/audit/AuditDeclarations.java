package app.covenant.audit;

import static app.covenant.platform.modules.PermissionSet.permission;
import static app.covenant.platform.modules.PermissionSet.platformOnly;

import app.covenant.platform.modules.PermissionSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log's permissions. */
@Configuration(proxyBeanMethods = false)
class AuditDeclarations {

    @Bean
    PermissionSet auditPermissions() {
        return PermissionSet.of(
                permission("audit:read", "Read the audit log"),
                permission("audit:read:legal", "Read audit entries visible to legal only")
                        .grantedTo("LEGAL_MANAGER", "LEGAL_HEAD"),
                // The hash chain spans every organization.
                platformOnly("audit:verify",
                        "Verify the audit log's hash chain across all organizations (platform operators)"))
                .titled("audit", "Audit log");
    }
}
