package app.covenant.contracts.web.pages;

import app.covenant.contracts.ContractPermissions;
import app.covenant.platform.ui.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Approvals" in the Contracts area, for whoever decides one of the queues (the page shows them theirs; the head of
 * legal's escalated queue comes with approval:legal:act, which deciding it needs too).
 */
@Configuration(proxyBeanMethods = false)
class ApprovalsNavigation {

    @Bean
    static NavigationItem contractApprovalsNavigationItem() {
        return new NavigationItem(NavigationItem.Area.CONTRACTS, "Approvals", "/contracts/approvals", "user", 20,
                Set.of(ContractPermissions.LEGAL_ACT, ContractPermissions.FINANCE_ACT));
    }
}
