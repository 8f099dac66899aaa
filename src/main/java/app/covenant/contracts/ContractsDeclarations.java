package app.covenant.contracts;

import static app.covenant.platform.modules.PermissionSet.permission;

import app.covenant.platform.modules.FeatureFlag;
import app.covenant.platform.modules.PermissionSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contracts module's permissions (with their default roles) and its feature flags. */
@Configuration(proxyBeanMethods = false)
class ContractsDeclarations {

    /** When on, every approval round has a finance approval beside the legal one. */
    static final String FINANCE_WORKFLOW = "FINANCE_WORKFLOW";

    @Bean
    PermissionSet contractPermissions() {
        return PermissionSet.of(
                        permission(ContractPermissions.READ, "See one's own contracts and those shared with one")
                                .grantedTo("USER", "LEGAL_MANAGER", "LEGAL_HEAD", "FINANCE_MANAGER"),
                        permission(ContractPermissions.READ_ALL, "See every contract of the organization")
                                .grantedTo("LEGAL_MANAGER", "LEGAL_HEAD", "FINANCE_MANAGER"),
                        permission(ContractPermissions.CREATE, "Draft contracts and edit them while editable")
                                .grantedTo("USER", "LEGAL_MANAGER", "LEGAL_HEAD"),
                        permission(ContractPermissions.UPLOAD, "Upload third-party paper and signed copies")
                                .grantedTo("LEGAL_MANAGER", "LEGAL_HEAD"),
                        permission(ContractPermissions.SEND, "Send approved contracts to the counterparty")
                                .grantedTo("LEGAL_MANAGER", "LEGAL_HEAD"),
                        permission(ContractPermissions.TERMINATE, "Cancel contracts before they are active, "
                                + "terminate active ones").grantedTo("LEGAL_MANAGER", "LEGAL_HEAD"),
                        permission(ContractPermissions.LEGAL_ACT, "Approve, send back and escalate legal approvals")
                                .grantedTo("LEGAL_MANAGER", "LEGAL_HEAD"),
                        permission(ContractPermissions.LEGAL_HEAD, "Decide or return approvals escalated to the "
                                + "head of legal").grantedTo("LEGAL_HEAD"),
                        permission(ContractPermissions.FINANCE_ACT, "Approve or send back finance approvals")
                                .grantedTo("FINANCE_MANAGER"),
                        permission(ContractPermissions.REJECT, "Reject a contract (final)")
                                .grantedTo("LEGAL_HEAD"))
                .inArea("Contracts")
                .titled("contract", "Contracts")
                .titled("approval", "Contract approvals");
    }

    @Bean
    PermissionSet templatePermissions() {
        return PermissionSet.of(
                        permission(ContractPermissions.TEMPLATE_READ, "Browse the template library")
                                .grantedTo("USER", "LEGAL_MANAGER", "LEGAL_HEAD", "FINANCE_MANAGER"),
                        permission(ContractPermissions.TEMPLATE_MANAGE, "Write, import and retire templates")
                                .grantedTo("LEGAL_MANAGER", "LEGAL_HEAD"))
                .inArea("Contracts")
                .titled("template", "Contract templates");
    }

    @Bean
    FeatureFlag financeWorkflow() {
        return new FeatureFlag(FINANCE_WORKFLOW, "Finance approval",
                "Every contract submitted for approval also needs a finance approval, after legal's.");
    }
}
