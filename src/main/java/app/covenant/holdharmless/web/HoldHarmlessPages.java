package app.covenant.holdharmless.web;

import app.covenant.holdharmless.HoldHarmless;
import app.covenant.holdharmless.HoldHarmlessAgreements;
import app.covenant.holdharmless.HoldHarmlessAgreements.Party;
import app.covenant.holdharmless.HoldHarmlessStatus;
import app.covenant.insurance.access.AgreementFacts;
import app.covenant.platform.ui.FlashMessages;
import app.covenant.platform.ui.NavigationItem;
import app.covenant.platform.ui.PageRequests;
import app.covenant.platform.ui.StatusTones;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.signatures.Envelopes;
import app.covenant.signatures.SigningConsent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The hold-harmless pages: the list ({@code /hold-harmless}, status filter, statistics for holders of
 * {@code holdharmless:stats}), an agreement's page ({@code /hold-harmless/{id}}: parties, dates, signers, downloads,
 * the envelope, retry and resend for managers, "Sign now" for the party whose turn it is) and the signed-in signing
 * page ({@code /hold-harmless/{id}/sign}, the signing engine's controls posting to the agreement's API). Who sees
 * which agreement is {@link HoldHarmlessAgreements}'s: anything else answers the 404 page.
 */
@Controller
class HoldHarmlessPages {

    private final HoldHarmlessAgreements agreements;
    private final AgreementFacts facts;
    private final Envelopes envelopes;

    HoldHarmlessPages(HoldHarmlessAgreements agreements, AgreementFacts facts, Envelopes envelopes) {
        this.agreements = agreements;
        this.facts = facts;
        this.envelopes = envelopes;
    }

    @Bean
    static NavigationItem holdHarmlessNavigationItem() {
        return new NavigationItem(NavigationItem.Area.INSURANCE, "Hold-harmless", "/hold-harmless", "signature", 57,
                HoldHarmlessAgreements.READ);
    }

    @Bean
    static FlashMessages holdHarmlessFlashMessages() {
        return new FlashMessages("holdharmless", Map.of(
                "hold-harmless-resent", "A new signing link is on its way; the previous one no longer works.",
                "hold-harmless-retried", "The agreement was generated again.",
                "hold-harmless-signed", "You signed the agreement.",
                "hold-harmless-declined", "You declined the agreement: the administrator sees your reason."));
    }

    @Bean
    static StatusTones holdHarmlessRejectedTone() {
        return StatusTones.danger("REJECTED");
    }

    @PreAuthorize("hasAuthority('holdharmless:read')")
    @GetMapping("/hold-harmless")
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                @PageableDefault(size = 20) Pageable pageable, Model model) {
        HoldHarmlessStatus chosen = status(status);
        Page<HoldHarmless> page = agreements.list(caller, chosen, PageRequests.unsorted(pageable));
        model.addAttribute("agreements", page);
        model.addAttribute("rows", page.getContent());
        model.addAttribute("statuses", HoldHarmlessStatus.values());
        model.addAttribute("status", chosen);
        model.addAttribute("filtered", chosen != null);
        model.addAttribute("baseUrl", chosen == null ? "/hold-harmless"
                : UriComponentsBuilder.fromPath("/hold-harmless").queryParam("status", chosen.name()).build()
                        .toUriString());
        if (caller.has(HoldHarmlessAgreements.STATS)) {
            model.addAttribute("stats", agreements.stats(caller));
        }
        return "holdharmless/list";
    }

    @PreAuthorize("hasAuthority('holdharmless:read')")
    @GetMapping("/hold-harmless/{id}")
    String agreement(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        HoldHarmless agreement = agreements.find(caller, id);
        model.addAttribute("a", agreement);
        facts.of(agreement.coiId()).ifPresent(coi -> {
            model.addAttribute("coiStatus", coi.coiStatus());
            model.addAttribute("gcName", coi.gcName());
        });
        model.addAttribute("turn", agreements.turnOf(caller, agreement).orElse(null));
        model.addAttribute("mayManage", caller.has(HoldHarmlessAgreements.MANAGE));
        model.addAttribute("envelopeVisible", agreement.envelopeId() != null && seesEnvelope(caller,
                agreement.envelopeId()));
        return "holdharmless/agreement";
    }

    @PreAuthorize("hasAuthority('holdharmless:sign')")
    @GetMapping("/hold-harmless/{id}/sign")
    String sign(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        HoldHarmless agreement = agreements.find(caller, id);
        Party turn = agreements.turnOf(caller, agreement).orElse(null);
        boolean sub = turn == Party.SUB;
        model.addAttribute("a", agreement);
        model.addAttribute("turn", turn);
        // The person signing: the signed-in user's name, else the name the envelope has for that party.
        model.addAttribute("signerName", caller.name() != null && !caller.name().isBlank() ? caller.name()
                : sub ? agreement.subSignerName() : agreement.gcSignerName());
        model.addAttribute("role", sub ? "Subcontractor" : "General contractor");
        model.addAttribute("apiUrl", "/api/v1/hold-harmless/" + id + (sub ? "/sub-signature" : "/gc-signature"));
        model.addAttribute("doneUrl", "/hold-harmless/" + id + "?done=hold-harmless-signed");
        model.addAttribute("declineUrl", "/api/v1/hold-harmless/" + id + "/decline");
        model.addAttribute("declinedUrl", "/hold-harmless/" + id + "?done=hold-harmless-declined");
        model.addAttribute("disclosureText", SigningConsent.TEXT);
        model.addAttribute("disclosureVersion", SigningConsent.VERSION);
        return "holdharmless/sign";
    }

    @PreAuthorize("hasAuthority('holdharmless:manage')")
    @PostMapping("/hold-harmless/{id}/resend")
    String resend(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        agreements.resend(caller, id);
        return "redirect:/hold-harmless/" + id + "?done=hold-harmless-resent";
    }

    @PreAuthorize("hasAuthority('holdharmless:manage')")
    @PostMapping("/hold-harmless/{id}/retry-generation")
    String retry(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        HoldHarmless retried = agreements.retryGeneration(caller, id);
        // Still failing: the page shows the new error where the old one was, no success message.
        return "redirect:/hold-harmless/" + id + (retried.status() == HoldHarmlessStatus.PENDING_GENERATION ? ""
                : "?done=hold-harmless-retried");
    }

    private boolean seesEnvelope(Caller caller, UUID envelopeId) {
        try {
            envelopes.find(caller, envelopeId);
            return true;
        } catch (ProblemException notVisible) {
            return false;
        }
    }

    private static HoldHarmlessStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return HoldHarmlessStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "unknown status: " + value + "; one of "
                    + List.of(HoldHarmlessStatus.values()));
        }
    }
}
