package app.covenant.documents;

import static app.covenant.platform.modules.PermissionSet.permission;

import app.covenant.platform.modules.PermissionSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document library's permissions. */
@Configuration(proxyBeanMethods = false)
class DocumentDeclarations {

    @Bean
    PermissionSet documentPermissions() {
        return PermissionSet.of(
                permission("document:read", "Download documents of records one can see").grantedTo("MANAGER", "USER",
                        "LEGAL_MANAGER", "LEGAL_HEAD", "FINANCE_MANAGER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER"),
                permission("document:upload", "Upload documents, and delete one's own library documents")
                        .grantedTo("MANAGER", "USER", "LEGAL_MANAGER", "LEGAL_HEAD", "SUBCONTRACTOR", "BROKER"),
                permission("document:manage", "Delete any document of the organization's library"))
                .titled("document", "Documents");
    }
}
