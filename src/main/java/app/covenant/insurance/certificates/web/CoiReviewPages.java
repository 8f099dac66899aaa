package app.covenant.insurance.certificates.web;

import app.covenant.insurance.certificates.CoiAction;
import app.covenant.insurance.certificates.CoiDocument;
import app.covenant.insurance.certificates.CoiExtraction;
import app.covenant.insurance.certificates.CoiReadings;
import app.covenant.insurance.certificates.CoiView;
import app.covenant.insurance.certificates.CoiViews;
import app.covenant.insurance.certificates.CoiWorkflow;
import app.covenant.insurance.certificates.CoiWorkflow.DeficiencyInput;
import app.covenant.insurance.certificates.ComplianceReport;
import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reviewer's pages: the queue (oldest review request first) and one certificate under review — its ACORD 25
 * drawn as page images beside the policy rows the reviewer corrects and confirms, the compliance findings with
 * override and withdrawal, and the decision (approve, refused by the workflow while findings are open; or reject
 * with a deficiency list prefilled from the open findings).
 */
@Controller
class CoiReviewPages {

    private static final Pattern DEFICIENCY = Pattern.compile("^deficiencies\\[(\\d+)]\\.");

    private final CoiWorkflow workflow;
    private final CoiViews views;
    private final CoiPageQueries queries;
    private final CoiPages pages;
    private final CertificateImages pageImages;
    private final CoiReadings readings;

    CoiReviewPages(CoiWorkflow workflow, CoiViews views, CoiPageQueries queries, CoiPages pages,
                   CertificateImages pageImages, CoiReadings readings) {
        this.readings = readings;
        this.pageImages = pageImages;
        this.workflow = workflow;
        this.views = views;
        this.queries = queries;
        this.pages = pages;
    }

    /** A deficiency row of the reject form, as typed. */
    record DeficiencyRow(String code, String line, String message) {
    }

    @PreAuthorize("hasAuthority('coi:review')")
    @GetMapping("/insurance/review")
    String queue(@AuthenticationPrincipal Caller caller, Pageable pageable, Model model) {
        Page<CoiView> queue = views.reviewQueue(caller, PageRequests.unsorted(pageable));
        model.addAttribute("queue", queue);
        model.addAttribute("brokers", queries.brokerNames(queue.getContent().stream().map(CoiView::id).toList()));
        return "insurance/certificates/queue";
    }

    @PreAuthorize("hasAuthority('coi:review')")
    @GetMapping(CoiPages.BASE + "/{id}/review")
    String review(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        return reviewPage(caller, id, model);
    }

    @PreAuthorize("hasAuthority('coi:review')")
    @PostMapping(CoiPages.BASE + "/{id}/review/policies")
    String confirmPolicies(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                           @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        PolicyRows rows = PolicyRows.read(form);
        try {
            views.get(caller, id);
            if (!rows.unreadable().isEmpty()) {
                throw ProblemException.invalid(rows.unreadable());
            }
            workflow.replacePolicies(caller, id, rows.inputs());
            return reviewDone(id, "coi-policies-confirmed");
        } catch (ProblemException refused) {
            pages.refusal(refused, response, model, caller, id);
            model.addAttribute("policyRows", rows.shown());
            return reviewPage(caller, id, model);
        }
    }

    @PreAuthorize("hasAuthority('coi:review')")
    @PostMapping(CoiPages.BASE + "/{id}/review/override")
    String override(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestParam String code,
                    @RequestParam(required = false) String line, @RequestParam(required = false) String reason,
                    Model model, HttpServletResponse response) {
        try {
            workflow.override(caller, id, code, blankToNull(line), reason);
            return reviewDone(id, "coi-finding-overridden");
        } catch (ProblemException refused) {
            pages.refusal(refused, response, model, caller, id);
            model.addAttribute("overrideCode", code);
            model.addAttribute("overrideLine", blankToNull(line));
            model.addAttribute("overrideReason", reason);
            return reviewPage(caller, id, model);
        }
    }

    @PreAuthorize("hasAuthority('coi:review')")
    @PostMapping(CoiPages.BASE + "/{id}/review/withdraw")
    String withdraw(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestParam String code,
                    @RequestParam(required = false) String line, Model model, HttpServletResponse response) {
        try {
            workflow.withdrawOverride(caller, id, code, blankToNull(line));
            return reviewDone(id, "coi-override-withdrawn");
        } catch (ProblemException refused) {
            pages.refusal(refused, response, model, caller, id);
            return reviewPage(caller, id, model);
        }
    }

    @PreAuthorize("hasAuthority('coi:review')")
    @PostMapping(CoiPages.BASE + "/{id}/review")
    String decide(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                  @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        boolean approve = "approve".equals(form.getFirst("decision"));
        String notes = blankToNull(form.getFirst("notes"));
        List<DeficiencyRow> rows = deficiencies(form);
        try {
            List<DeficiencyInput> listed = approve ? List.of() : rows.stream()
                    .map(r -> new DeficiencyInput(r.code(), r.line(), r.message())).toList();
            workflow.review(caller, id, approve, listed, notes);
            return CoiPages.done(id, approve ? "coi-approved" : "coi-rejected");
        } catch (ProblemException refused) {
            pages.refusal(refused, response, model, caller, id);
            if (!approve) {
                model.addAttribute("deficiencyRows", rows);
            }
            model.addAttribute("notes", notes);
            return reviewPage(caller, id, model);
        }
    }

    private String reviewPage(Caller caller, UUID id, Model model) {
        CoiView coi = views.get(caller, id);
        ComplianceReport compliance = views.compliance(caller, id);
        model.addAttribute("coi", coi);
        model.addAttribute("compliance", compliance);
        model.addAttribute("canDecide", coi.allowedActions().contains(CoiAction.REVIEW));
        model.addAttribute("canOverride", coi.allowedActions().contains(CoiAction.OVERRIDE_FINDING));
        model.addAttribute("canEditPolicies", coi.allowedActions().contains(CoiAction.EDIT_POLICIES));
        CoiPages.policyFormModel(model);
        CoiExtraction reading = readings.find(caller, id).orElse(null);
        pages.readingModel(coi, reading, model);
        if (!model.containsAttribute("policyRows")) {
            List<PolicyRows.Row> read = reading == null || !coi.policies().isEmpty() ? List.of()
                    : reading.policies().stream().map(PolicyRows.Row::read).toList();
            model.addAttribute("policyRows", read.isEmpty() ? PolicyRows.of(coi.policies()).shown() : read);
        }
        if (!model.containsAttribute("deficiencyRows")) {
            List<DeficiencyRow> prefilled = new ArrayList<>(compliance.open().stream()
                    .map(f -> new DeficiencyRow(f.code(), f.line(), f.message())).toList());
            if (prefilled.isEmpty()) {
                prefilled.add(new DeficiencyRow(null, null, null));
            }
            model.addAttribute("deficiencyRows", prefilled);
        }
        List<CoiDocument> shown = coi.documents().stream().filter(CoiReviewPages::drawable).toList();
        CoiDocument acord = shown.stream().filter(d -> "ACORD25".equals(d.kind())).reduce((a, b) -> b)
                .orElse(shown.isEmpty() ? null : shown.getLast());
        model.addAttribute("shownDocument", acord);
        model.addAttribute("pageCount", acord == null ? 0 : pageImages.pageCount(acord));
        return "insurance/certificates/review";
    }

    private static boolean drawable(CoiDocument document) {
        return List.of("application/pdf", "image/png", "image/jpeg").contains(document.contentType());
    }

    private static List<DeficiencyRow> deficiencies(MultiValueMap<String, String> form) {
        TreeSet<Integer> indexes = new TreeSet<>();
        form.keySet().forEach(name -> {
            Matcher m = DEFICIENCY.matcher(name);
            if (m.find()) {
                indexes.add(Integer.parseInt(m.group(1)));
            }
        });
        List<DeficiencyRow> rows = new ArrayList<>();
        for (int i : indexes) {
            String at = "deficiencies[" + i + "].";
            DeficiencyRow row = new DeficiencyRow(blankToNull(form.getFirst(at + "code")),
                    blankToNull(form.getFirst(at + "line")), blankToNull(form.getFirst(at + "message")));
            if (row.code() != null || row.message() != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String reviewDone(UUID id, String key) {
        return "redirect:" + CoiPages.BASE + "/" + id + "/review?done=" + key;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
