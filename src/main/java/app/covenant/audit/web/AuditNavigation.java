package app.covenant.audit.web;

import app.covenant.platform.ui.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log's link in the left navigation, shown to holders of {@code audit:read}. */
@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationItem auditLogNavigationItem() {
        return new NavigationItem(NavigationItem.Area.ADMINISTRATION, "Audit log", "/admin/audit", "book", 50,
                "audit:read");
    }
}
