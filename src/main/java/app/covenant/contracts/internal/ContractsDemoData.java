package app.covenant.contracts.internal;

import app.covenant.contracts.ApprovalType;
import app.covenant.contracts.ContractApprovals;
import app.covenant.contracts.ContractDetails;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.Contracts;
import app.covenant.contracts.templates.ContractTemplateLibrary;
import app.covenant.contracts.templates.TemplateFilter;
import app.covenant.contracts.templates.TemplateSummary;
import app.covenant.contracts.templates.internal.GlobalTemplates;
import app.covenant.identity.events.DemoDataSeeded;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The contracts of the embedded default's demo (API.md "Embedded-default demo data"), in organization DEMO, made
 * from Covenant's mutual NDA template through the module's own services as the demo people, so each carries real
 * versions, approvals, audit entries and notifications: a DRAFT of user@, one SENT_TO_LEGAL, one sent back for
 * revision by legal@ with a comment, one APPROVED, one REJECTED by legalhead@, and one legal@ escalated to the
 * head of legal (PENDING_LEGAL_HEAD). Identity announces the demo people ({@link DemoDataSeeded}, first start on H2
 * only) before the application is ready; the contracts follow once it is, after the global templates are seeded
 * ({@link GlobalTemplates} seeds first among the ready listeners, this one runs last).
 */
@Component
class ContractsDemoData {

    static final String TEMPLATE = "MUTUAL-NDA";
    private static final Logger log = LoggerFactory.getLogger(ContractsDemoData.class);

    private final AtomicReference<DemoDataSeeded> pending = new AtomicReference<>();
    private final Contracts contracts;
    private final ContractApprovals approvals;
    private final ContractTemplateLibrary library;
    private final Clock clock;

    ContractsDemoData(Contracts contracts, ContractApprovals approvals, ContractTemplateLibrary library,
                      Clock clock) {
        this.contracts = contracts;
        this.approvals = approvals;
        this.library = library;
        this.clock = clock;
    }

    @EventListener
    void on(DemoDataSeeded seeded) {
        pending.set(seeded);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void seedWhenReady() {
        DemoDataSeeded seeded = pending.getAndSet(null);
        if (seeded == null) {
            return;
        }
        Caller user = seeded.caller("user@covenant.test");
        Caller legal = seeded.caller("legal@covenant.test");
        Caller head = seeded.caller("legalhead@covenant.test");
        UUID template = template(user);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        draft(user, template, "Mutual NDA — Harbor Steel Fabricators", "Harbor Steel Fabricators Inc", today);
        ContractView review = draft(user, template, "Mutual NDA — Skyline Glazing", "Skyline Glazing LLC", today);
        approvals.submit(user, review.id(), null);

        ContractView revision = draft(user, template, "Mutual NDA — Northside Concrete", "Northside Concrete Corp",
                today);
        approvals.submit(user, revision.id(), null);
        approvals.requestRevision(legal, legalApproval(legal, revision), "Please limit the survival period to two "
                + "years and name the project in the purpose.");

        ContractView approved = draft(user, template, "Mutual NDA — Empire Elevators", "Empire Elevators Co", today);
        approvals.submit(user, approved.id(), null);
        approvals.approve(legal, legalApproval(legal, approved), "Standard terms, fine to sign.", false);
        approvals.ofContract(legal, approved.id()).stream()
                .filter(a -> a.type() == ApprovalType.FINANCE && a.closedAt() == null && a.actedAt() == null)
                .findFirst()
                .ifPresent(finance -> approvals.approve(seeded.caller("finance@covenant.test"), finance.id(),
                        "No financial exposure.", false));

        ContractView rejected = draft(user, template, "Mutual NDA — Rapid Demolition", "Rapid Demolition Ltd", today);
        approvals.submit(user, rejected.id(), null);
        approvals.reject(head, legalApproval(head, rejected), "The counterparty is in litigation with us; we do not "
                + "exchange confidential information with them.");

        ContractView escalated = draft(user, template, "Mutual NDA — Metro Transit Authority",
                "Metropolitan Transit Authority", today);
        approvals.submit(user, escalated.id(), null);
        approvals.escalate(legal, escalated.id(), "A public authority's NDA: public-records law may override "
                + "confidentiality; the head of legal should decide.");
        log.info("Seeded 6 demo contracts (draft, in legal review, revision requested, approved, rejected, escalated)");
    }

    private ContractView draft(Caller user, UUID template, String title, String counterparty, LocalDate today) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("EFFECTIVE_DATE", today.toString());
        variables.put("PARTY_A_NAME", "Demo Construction Group");
        variables.put("PARTY_A_ADDRESS", "118 West 27th Street, New York, NY 10001");
        variables.put("PARTY_B_NAME", counterparty);
        variables.put("PARTY_B_ADDRESS", "200 Park Avenue, New York, NY 10166");
        variables.put("PARTY_A_SIGNATORY", "Dana Demo");
        variables.put("PARTY_A_TITLE", "Chief Operating Officer");
        variables.put("PARTY_B_SIGNATORY", "Pat Partner");
        variables.put("PARTY_B_TITLE", "President");
        ContractDetails details = new ContractDetails(title, counterparty, counterparty,
                "legal@" + counterparty.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "") + ".test", today,
                today.plusYears(2), "0", "USD", "Confidentiality before bidding on a joint project.", false, null, 30);
        return contracts.createFromTemplate(user, template, details, variables);
    }

    private UUID legalApproval(Caller legal, ContractView contract) {
        return approvals.ofContract(legal, contract.id()).stream().filter(a -> a.type() == ApprovalType.LEGAL)
                .reduce((first, second) -> second).orElseThrow().id();
    }

    /**
     * The seeded NDA template ({@link GlobalTemplates} runs first on the same event): the demo never makes one of
     * its own, so its contracts always carry the real template's text.
     */
    private UUID template(Caller user) {
        for (TemplateSummary summary : library.list(user, new TemplateFilter(null, TEMPLATE, null),
                PageRequest.of(0, 20))) {
            if (TEMPLATE.equals(summary.code())) {
                return summary.id();
            }
        }
        throw new IllegalStateException("The global template " + TEMPLATE + " was not seeded before the demo data");
    }
}
