package app.covenant.contracts.web.pages;

import app.covenant.contracts.ContractPermissions;
import app.covenant.platform.ui.FlashMessages;
import app.covenant.platform.ui.NavigationItem;
import app.covenant.platform.ui.StatusTones;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contracts pages' place in the shell: the "Contracts" navigation item, the colours of contract and approval
 * statuses (shared with other modules where they name the same status: ACTIVE, REJECTED, EXPIRED, CANCELLED,
 * PENDING), and the sentences of the list, wizard and edit pages' redirects.
 */
@Configuration(proxyBeanMethods = false)
class ContractsNavigation {

    @Bean
    static NavigationItem contractsNavigationItem() {
        return new NavigationItem(NavigationItem.Area.CONTRACTS, "Contracts", ContractListPage.PATH, "search", 10,
                ContractPermissions.READ);
    }

    @Bean
    static StatusTones contractDraftTones() {
        return StatusTones.info("DRAFT", "SENT_TO_COUNTERPARTY");
    }

    @Bean
    static StatusTones contractWaitingTones() {
        return StatusTones.warning("SENT_TO_LEGAL", "PENDING_LEGAL_HEAD", "SENT_TO_FINANCE", "REVISION_REQUESTED",
                "ESCALATED", "PENDING");
    }

    @Bean
    static StatusTones contractGoodTones() {
        return StatusTones.success("APPROVED", "ACTIVE");
    }

    @Bean
    static StatusTones contractEndedTones() {
        return StatusTones.danger("REJECTED", "TERMINATED", "EXPIRED");
    }

    @Bean
    static StatusTones contractWithdrawnTones() {
        return StatusTones.neutral("CANCELLED");
    }

    @Bean
    static FlashMessages contractPageFlashMessages() {
        return new FlashMessages("contracts-pages", Map.of(
                "contract-created", "The contract was created as a draft (version 1).",
                "contract-version-saved", "Your changes were saved as a new version."));
    }
}
