package app.covenant.contracts.internal;

import app.covenant.contracts.ContractPermissions;
import app.covenant.identity.Members;
import app.covenant.notifications.Notice;
import app.covenant.notifications.NotificationType;
import app.covenant.notifications.Notifier;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Tells the people who act next (in-app and e-mail, in the transition's transaction): the members who hold the
 * deciding permission now (identity's {@link Members#holding}: active memberships on active accounts, never a fixed
 * address), and the owner when the contract comes back to them. The person who acted is not told of their own act.
 */
@Component
class ContractNotices {

    static final String LEGAL_REVIEW = "contracts.legal-review-needed";
    static final String FINANCE_REVIEW = "contracts.finance-review-needed";
    static final String ESCALATED = "contracts.approval-escalated";
    static final String RETURNED = "contracts.approval-returned";
    static final String REVISION = "contracts.revision-requested";
    static final String REJECTED = "contracts.contract-rejected";
    static final String APPROVED = "contracts.contract-approved";

    private final Notifier notifier;
    private final Members members;

    ContractNotices(Notifier notifier, Members members) {
        this.notifier = notifier;
        this.members = members;
    }

    @Bean
    static NotificationType contractLegalReviewNeeded() {
        return new NotificationType(LEGAL_REVIEW, "Contract to review (legal)",
                "A contract was submitted or returned and waits for a legal decision.", true, true);
    }

    @Bean
    static NotificationType contractFinanceReviewNeeded() {
        return new NotificationType(FINANCE_REVIEW, "Contract to review (finance)",
                "Legal approved a contract that also needs a finance decision.", true, true);
    }

    @Bean
    static NotificationType contractApprovalEscalated() {
        return new NotificationType(ESCALATED, "Contract escalated to the head of legal",
                "A legal manager escalated a contract's approval to the head of legal.", true, true);
    }

    @Bean
    static NotificationType contractApprovalReturned() {
        return new NotificationType(RETURNED, "Escalated contract returned to legal",
                "The head of legal returned an escalated approval to the legal team.", true, true);
    }

    @Bean
    static NotificationType contractRevisionRequested() {
        return new NotificationType(REVISION, "Contract sent back for revision",
                "An approver asked for changes to a contract you own, with a comment.", true, true);
    }

    @Bean
    static NotificationType contractRejected() {
        return new NotificationType(REJECTED, "Contract rejected",
                "A contract you own was rejected, with the reason.", true, true);
    }

    @Bean
    static NotificationType contractApproved() {
        return new NotificationType(APPROVED, "Contract approved",
                "Every approval of a contract you own was given.", true, true);
    }

    /** Those who hold {@code permission} in the contract's organization, but not {@code actor}. */
    void toHolders(Contract contract, String permission, UUID actor, String type, String title, String message) {
        List<UUID> holders = members.holding(contract.organizationId(), permission).stream()
                .map(Members.Member::userId).filter(id -> !id.equals(actor)).toList();
        send(contract, holders, type, title, message);
    }

    void toOwner(Contract contract, UUID actor, String type, String title, String message) {
        if (!contract.ownerId().equals(actor)) {
            send(contract, List.of(contract.ownerId()), type, title, message);
        }
    }

    void legalReview(Contract contract, UUID actor, String why) {
        toHolders(contract, ContractPermissions.LEGAL_ACT, actor, LEGAL_REVIEW, "Contract to review: "
                + label(contract), why);
    }

    private void send(Contract contract, Collection<UUID> userIds, String type, String title, String message) {
        Set<UUID> recipients = new LinkedHashSet<>(userIds);
        if (recipients.isEmpty()) {
            return;
        }
        notifier.notify(recipients, Notice.of(contract.organizationId(), type, oneLine(title), limit(message),
                "/contracts/" + contract.getId()));
    }

    static String label(Contract contract) {
        return contract.reference() + " " + contract.title();
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n]+", " ");
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }

    private static String limit(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
