package app.covenant.contracts.web.pages;

import app.covenant.contracts.ContractPermissions;
import app.covenant.platform.ui.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Approvals" in the Contracts area. A navigation item names one permission, and an administrator holds both
 * approval permissions, so one item per permission would show the link twice. The item names
 * {@code contract:read-all} instead: the roles holding it by default (legal managers, the head of legal, finance
 * managers, administrators) are exactly those deciding approvals; the queue page itself still asks for an approval
 * permission.
 */
@Configuration(proxyBeanMethods = false)
class ApprovalsNavigation {

    @Bean
    static NavigationItem contractApprovalsNavigationItem() {
        return new NavigationItem(NavigationItem.Area.CONTRACTS, "Approvals", "/contracts/approvals", "user", 20,
                ContractPermissions.READ_ALL);
    }
}
