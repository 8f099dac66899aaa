package app.covenant.contracts.templates;

import app.covenant.contracts.ContractPermissions;
import app.covenant.shared.security.Caller;
import app.covenant.support.TestTenants.Tenant;
import java.util.Set;

/** Callers of a test tenant for calling the library directly (the HTTP tests sign in instead). */
final class TemplateCallers {

    private TemplateCallers() {
    }

    static Caller manager(Tenant tenant) {
        return new Caller(tenant.userId("LEGAL_MANAGER"), tenant.email("LEGAL_MANAGER"), "Test LEGAL_MANAGER",
                tenant.organizationId(), Set.of("LEGAL_MANAGER"),
                Set.of(ContractPermissions.TEMPLATE_READ, ContractPermissions.TEMPLATE_MANAGE), null);
    }
}
