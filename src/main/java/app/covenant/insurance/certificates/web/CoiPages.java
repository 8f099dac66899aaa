package app.covenant.insurance.certificates.web;

import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.brokers.BrokerInfo;
import app.covenant.insurance.brokers.Brokers;
import app.covenant.insurance.certificates.CoiAction;
import app.covenant.insurance.certificates.CoiDocuments;
import app.covenant.insurance.certificates.CoiExtraction;
import app.covenant.insurance.certificates.CoiReadings;
import app.covenant.insurance.certificates.CoiView;
import app.covenant.insurance.certificates.CoiViews;
import app.covenant.insurance.certificates.CoiWorkflow;
import app.covenant.insurance.certificates.PolicyLimits;
import app.covenant.platform.ui.FlashMessages;
import app.covenant.platform.ui.FormErrors;
import app.covenant.platform.ui.PageRequests;
import app.covenant.platform.ui.StatusBadges;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.problem.ProblemException.FieldError;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The certificate pages: the list (a party's portal, with the certificates waiting for them first), the
 * request form, and one certificate with exactly the forms its {@code allowedActions} permit — name brokers,
 * use the master certificate, upload and enter the policies then submit and attest, attest, resubmit, renew.
 * Every rule is the workflow's: a refusal it answers with 400/409/415 shows the page again with the reasons
 * and the user's input (nothing changed); 403 and 404 become the application's error pages.
 */
@Controller
class CoiPages {

    static final String BASE = "/insurance/certificates";

    private final CoiWorkflow workflow;
    private final CoiViews views;
    private final CoiDocuments documents;
    private final Brokers brokers;
    private final CoiPageQueries queries;
    private final StatusBadges badges;
    private final CoiReadings readings;
    private final Clock clock;
    /** Sections other modules add to the page (reminders' history), in bean order. */
    private final List<app.covenant.insurance.pages.CertificatePageSection> sections;

    CoiPages(CoiWorkflow workflow, CoiViews views, CoiDocuments documents, Brokers brokers, CoiPageQueries queries,
             StatusBadges badges, CoiReadings readings, Clock clock,
             List<app.covenant.insurance.pages.CertificatePageSection> sections) {
        this.sections = sections;
        this.readings = readings;
        this.clock = clock;
        this.workflow = workflow;
        this.views = views;
        this.documents = documents;
        this.brokers = brokers;
        this.queries = queries;
        this.badges = badges;
    }

    @Bean
    static FlashMessages certificateFlashMessages() {
        return new FlashMessages("insurance-certificates", Map.ofEntries(
                Map.entry("coi-requested", "The certificate is requested; the subcontractor was e-mailed to name its broker."),
                Map.entry("coi-brokers-named", "The brokers are named and were e-mailed to upload the certificate."),
                Map.entry("coi-master-used", "The master certificate was copied; it now waits for review."),
                Map.entry("coi-document-uploaded", "The document was uploaded. Enter the policy details below."),
                Map.entry("coi-policies-saved", "The policy details are saved."),
                Map.entry("coi-submitted", "The upload is submitted; the broker was e-mailed to attest it."),
                Map.entry("coi-attested", "Your attestation is recorded."),
                Map.entry("coi-submitted-attested", "The certificate is submitted and attested; it now waits for review."),
                Map.entry("coi-resubmitted", "The correction is started: upload the corrected documents and submit again."),
                Map.entry("coi-renewed", "The renewal is requested."),
                Map.entry("coi-policies-confirmed", "The policy rows are corrected and confirmed."),
                Map.entry("coi-finding-overridden", "The finding is overridden."),
                Map.entry("coi-override-withdrawn", "The override is withdrawn."),
                Map.entry("coi-approved", "The certificate is approved; it is active now."),
                Map.entry("coi-rejected", "The certificate is rejected; the broker and the subcontractor were e-mailed the deficiencies.")));
    }

    /** A row of the list: the certificate, its brokers and the caller's call to action (null: not their turn). */
    record Row(CoiView coi, List<String> brokers, String waiting, CoiTurns.CallToAction action) {

        /** Where the call to action leads: a section of the certificate's page, or its review page. */
        public String actionHref() {
            return action == null ? null : BASE + "/" + coi.id() + action.anchor();
        }
    }

    // ---- the list and the request ----

    @PreAuthorize("hasAuthority('coi:read')")
    @GetMapping(BASE)
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                @RequestParam(required = false) UUID projectId, @RequestParam(required = false) UUID subcontractorId,
                Pageable pageable, Model model) {
        String filter = status == null || status.isBlank() ? null : status.strip();
        Page<CoiView> page = views.list(caller, filter, projectId, subcontractorId,
                PageRequests.inOrder(pageable, Sort.by(Sort.Direction.DESC, "updatedAt")));
        // A sub's people and brokers: their portal starts with what waits for them.
        boolean portal = !new InsuranceViewer(caller).seesAllOfOrganization() && caller.has("coi:upload");
        if (portal) {
            List<CoiView> yours = views.list(caller, null, null, null,
                    PageRequest.of(0, 100, Sort.by(Sort.Direction.DESC, "updatedAt"))).getContent().stream()
                    .filter(c -> CoiTurns.callToAction(c.allowedActions()) != null).toList();
            model.addAttribute("yourTurn", rows(yours));
        }
        model.addAttribute("portal", portal);
        model.addAttribute("certificates", page);
        model.addAttribute("rows", rows(page.getContent()));
        model.addAttribute("status", filter);
        model.addAttribute("projectId", projectId);
        model.addAttribute("subcontractorId", subcontractorId);
        model.addAttribute("statuses", app.covenant.insurance.CoiStatus.values());
        model.addAttribute("filtered", filter != null || projectId != null || subcontractorId != null);
        model.addAttribute("pageUrl", pageUrl(filter, projectId, subcontractorId));
        model.addAttribute("canRequest", caller.has("coi:request"));
        return "insurance/certificates/list";
    }

    @PreAuthorize("hasAuthority('coi:request')")
    @GetMapping(BASE + "/new")
    String requestForm(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) UUID projectId,
                       @RequestParam(required = false) UUID subcontractorId, Model model) {
        String chosen = projectId != null && subcontractorId != null ? projectId + "/" + subcontractorId : null;
        return requestPage(caller, chosen, null, model);
    }

    @PreAuthorize("hasAuthority('coi:request')")
    @PostMapping(BASE)
    String request(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String assignment,
                   @RequestParam(required = false) String assignedAdminEmail, Model model,
                   HttpServletResponse response) {
        try {
            UUID[] ids = assignmentIds(assignment);
            String admin = assignedAdminEmail == null || assignedAdminEmail.isBlank() ? null : assignedAdminEmail.strip();
            if (admin != null && (admin.length() > 254 || !app.covenant.shared.web.DottedDomainValidator.isDeliverable(admin))) {
                throw ProblemException.invalid("assignedAdminEmail", "must be an e-mail address such as name@example.com");
            }
            UUID id = workflow.request(caller, ids[0], ids[1], admin);
            return "redirect:" + BASE + "/" + id + "?done=coi-requested";
        } catch (ProblemException refused) {
            refusal(refused, response, model, caller, null);
            return requestPage(caller, assignment, assignedAdminEmail, model);
        }
    }

    private String requestPage(Caller caller, String chosen, String adminEmail, Model model) {
        model.addAttribute("assignments", queries.assignments(caller));
        model.addAttribute("chosen", chosen);
        model.addAttribute("assignedAdminEmail", adminEmail);
        return "insurance/certificates/new";
    }

    private static UUID[] assignmentIds(String assignment) {
        String[] parts = assignment == null ? new String[0] : assignment.split("/");
        try {
            if (parts.length == 2) {
                return new UUID[] {UUID.fromString(parts[0]), UUID.fromString(parts[1])};
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the field error
        }
        throw ProblemException.invalid("assignment", "choose the project and the subcontractor");
    }

    // ---- one certificate ----

    @PreAuthorize("hasAuthority('coi:read')")
    @GetMapping(BASE + "/{id}")
    String certificate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        return certificatePage(caller, id, model);
    }

    /**
     * The reading card alone, fetched again every few seconds (htmx) while a scan is read; once the reading is done
     * the answer asks htmx to reload the page, so the policy form comes back filled in.
     */
    @PreAuthorize("hasAuthority('coi:read')")
    @GetMapping(BASE + "/{id}/reading")
    String reading(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model,
                   HttpServletResponse response) {
        CoiView coi = views.get(caller, id);
        CoiExtraction reading = readings.find(caller, id).orElse(null);
        if (reading == null) {
            // A certificate that was never read (or whose scan was replaced) has no card to show: 404, and a polling
            // page reloads (htmx honours HX-Refresh whatever the status), showing the certificate without the card.
            throw new ProblemException(404, "The certificate's reading was not found.", List.of(),
                    Map.of("HX-Refresh", "true"));
        }
        if (!reading.isReading()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("coi", coi);
        readingModel(coi, reading, model);
        return "insurance/certificates/fragments :: reading-card";
    }

    @PreAuthorize("hasAuthority('coi:broker-info')")
    @PostMapping(BASE + "/{id}/brokers")
    String nameBrokers(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                       @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        BrokerForm brokerForm = BrokerForm.read(form);
        try {
            BrokerInfo info = brokerForm.info();
            List<FieldError> problems = new ArrayList<>(brokerForm.tooLong());
            if (!problems.isEmpty()) {
                views.get(caller, id);
                throw ProblemException.invalid(problems);
            }
            workflow.brokerInfo(caller, id, info);
            return done(id, "coi-brokers-named");
        } catch (ProblemException refused) {
            refusal(refused, response, model, caller, id);
            model.addAttribute("brokerForm", brokerForm);
            return certificatePage(caller, id, model);
        }
    }

    @PreAuthorize("hasAuthority('coi:broker-info')")
    @PostMapping(BASE + "/{id}/master-certificate")
    String useMasterCertificate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model,
                                HttpServletResponse response) {
        try {
            workflow.useMasterCertificate(caller, id);
            return done(id, "coi-master-used");
        } catch (ProblemException refused) {
            refusal(refused, response, model, caller, id);
            return certificatePage(caller, id, model);
        }
    }

    @PreAuthorize("hasAuthority('coi:upload')")
    @PostMapping(BASE + "/{id}/documents")
    String upload(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                  @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String policyLine,
                  Model model, HttpServletResponse response) {
        try {
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                documents.upload(caller, id, kind, policyLine, null, null);
            } else {
                try (InputStream content = file.getInputStream()) {
                    documents.upload(caller, id, kind, policyLine, file.getOriginalFilename(), content);
                } catch (IOException e) {
                    throw ProblemException.invalid("file", "The upload could not be read.");
                }
            }
            return "redirect:" + BASE + "/" + id + "?done=coi-document-uploaded#policies";
        } catch (ProblemException refused) {
            refusal(refused, response, model, caller, id);
            if (refused.errors().isEmpty() && refused.status() != 409) {
                model.addAttribute("errors", FormErrors.field("file", refused.getMessage()));
            }
            model.addAttribute("uploadKind", kind);
            model.addAttribute("uploadLine", policyLine);
            return certificatePage(caller, id, model);
        }
    }

    /**
     * The policy form: {@code intent=save} stores the rows; {@code intent=submit} stores them, submits the upload
     * and — when the caller is the named broker and may attest — attests it in the same post. The signature's
     * fields are checked before anything is stored, and so is the ACORD 25's presence, so a refusal changes nothing.
     */
    @PreAuthorize("hasAuthority('coi:upload')")
    @PostMapping(BASE + "/{id}/policies")
    String policies(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                    @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        PolicyRows rows = PolicyRows.read(form);
        String signerName = form.getFirst("signerName");
        boolean consent = "true".equals(form.getFirst("consent"));
        boolean submit = "submit".equals(form.getFirst("intent"));
        try {
            CoiView before = views.get(caller, id);
            boolean attesting = submit && caller.has("coi:attest");
            List<FieldError> problems = new ArrayList<>(rows.unreadable());
            if (attesting) {
                problems.addAll(signature(signerName, consent));
            }
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
            if (submit && rows.inputs().isEmpty()) {
                throw new ProblemException(400, "Enter at least one policy before submitting.");
            }
            if (submit && before.documents().stream().noneMatch(d -> "ACORD25".equals(d.kind()))) {
                throw ProblemException.invalid("file", "Upload the ACORD 25 certificate (a PDF) before submitting");
            }
            workflow.replacePolicies(caller, id, rows.inputs());
            if (!submit) {
                return done(id, "coi-policies-saved");
            }
            workflow.submitUpload(caller, id);
            if (attesting && views.get(caller, id).allowedActions().contains(CoiAction.SIGN)) {
                workflow.sign(caller, id, signerName, true);
                return done(id, "coi-submitted-attested");
            }
            return done(id, "coi-submitted");
        } catch (ProblemException refused) {
            refusal(refused, response, model, caller, id);
            model.addAttribute("policyRows", rows.shown());
            model.addAttribute("signerName", signerName);
            model.addAttribute("consent", consent);
            return certificatePage(caller, id, model);
        }
    }

    @PreAuthorize("hasAuthority('coi:attest')")
    @PostMapping(BASE + "/{id}/sign")
    String sign(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                @RequestParam(required = false) String signerName, @RequestParam(required = false) String consent,
                Model model, HttpServletResponse response) {
        try {
            workflow.sign(caller, id, signerName, "true".equals(consent));
            return done(id, "coi-attested");
        } catch (ProblemException refused) {
            refusal(refused, response, model, caller, id);
            model.addAttribute("signerName", signerName);
            model.addAttribute("consent", "true".equals(consent));
            return certificatePage(caller, id, model);
        }
    }

    @PreAuthorize("hasAuthority('coi:upload')")
    @PostMapping(BASE + "/{id}/resubmit")
    String resubmit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model,
                    HttpServletResponse response) {
        try {
            workflow.resubmit(caller, id);
            return done(id, "coi-resubmitted");
        } catch (ProblemException refused) {
            refusal(refused, response, model, caller, id);
            return certificatePage(caller, id, model);
        }
    }

    @PreAuthorize("hasAuthority('coi:request')")
    @PostMapping(BASE + "/{id}/renew")
    String renew(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model,
                 HttpServletResponse response) {
        try {
            return done(workflow.renew(caller, id), "coi-renewed");
        } catch (ProblemException refused) {
            refusal(refused, response, model, caller, id);
            return certificatePage(caller, id, model);
        }
    }

    // ---- shared by the pages of this package ----

    private String certificatePage(Caller caller, UUID id, Model model) {
        CoiView coi = views.get(caller, id);
        Set<CoiAction> allowed = coi.allowedActions();
        model.addAttribute("coi", coi);
        model.addAttribute("can", allowed.stream().map(Enum::name).collect(Collectors.toSet()));
        model.addAttribute("next", CoiTurns.next(coi.status()));
        model.addAttribute("waiting", CoiTurns.waiting(coi.status()));
        model.addAttribute("compliance", views.compliance(caller, id));
        model.addAttribute("sections", sections.stream().flatMap(s -> s.sectionFor(caller, id).stream()).toList());
        policyFormModel(model);
        model.addAttribute("brokerLines", BrokerInfo.POLICY_LINES);
        model.addAttribute("kinds", List.of("ACORD25", "POLICY", "ENDORSEMENT", "OTHER"));
        model.addAttribute("attests", caller.has("coi:attest"));
        if (!model.containsAttribute("brokerForm") && allowed.contains(CoiAction.BROKER_INFO)) {
            model.addAttribute("brokerForm", BrokerForm.named(coi.brokers(), brokers.ofSub(coi.subcontractorId())));
        }
        // A per-policy broker writes the rows of their own lines only (the workflow refuses the others with 403):
        // the form carries those, the table shows every row.
        List<String> ownLines = coi.brokers().stream().filter(b -> b.email().equalsIgnoreCase(caller.email()))
                .map(app.covenant.insurance.certificates.CoiBroker::line).toList();
        boolean perPolicyBroker = !ownLines.isEmpty() && !ownLines.contains("GLOBAL");
        if (perPolicyBroker) {
            model.addAttribute("lines", ownLines);
        }
        model.addAttribute("perPolicyBroker", perPolicyBroker);
        CoiExtraction reading = readings.find(caller, id).orElse(null);
        readingModel(coi, reading, model);
        if (!model.containsAttribute("policyRows")) {
            PolicyRows shown = PolicyRows.of(coi.policies().stream()
                    .filter(p -> !perPolicyBroker || ownLines.contains(p.line())).toList());
            // No row saved yet: the form starts from what was read off the ACORD 25.
            List<PolicyRows.Row> read = reading == null || !coi.policies().isEmpty() ? List.of()
                    : reading.policies().stream().filter(p -> !perPolicyBroker || ownLines.contains(p.line()))
                    .map(PolicyRows.Row::read).toList();
            model.addAttribute("prefilled", !read.isEmpty());
            model.addAttribute("policyRows", !read.isEmpty() ? read : shown.rows().isEmpty() && perPolicyBroker
                    ? List.of(PolicyRows.Row.blank(ownLines.getFirst())) : shown.shown());
        }
        model.addAttribute("acord", coi.documents().stream().filter(d -> "ACORD25".equals(d.kind())).reduce((a, b) -> b)
                .orElse(null));
        return "insurance/certificates/certificate";
    }

    /**
     * The reading of the certificate's ACORD 25 for the pages: the reading itself, how many of its values were
     * corrected, the marks beside each value and the page's boxes, and how far a scan's reading has come.
     */
    void readingModel(CoiView coi, CoiExtraction reading, Model model) {
        Map<String, String> corrected = reading == null ? Map.of() : readings.corrected(reading.documentId());
        model.addAttribute("reading", reading);
        model.addAttribute("readingProblems", reading == null ? List.of()
                : ReadingMarks.plainProblems(reading.problems(), LINE_LABELS, LIMIT_LABELS));
        model.addAttribute("correctedCount", corrected.size());
        // A photo is shown as taken: the form's rectangles do not sit on it, so no value is outlined there.
        boolean photo = reading != null && coi.documents().stream().anyMatch(document ->
                document.documentId().equals(reading.documentId()) && document.contentType().startsWith("image/"));
        model.addAttribute("marks", reading == null ? ReadingMarks.none()
                : photo ? ReadingMarks.of(reading, corrected).withoutBoxes() : ReadingMarks.of(reading, corrected));
        // The page image is worth showing for anything the extractor could open (a scan too).
        model.addAttribute("readingPage", reading != null && (reading.isExtracted() || reading.isReading()
                || "NO_TEXT".equals(reading.status())) ? reading.documentId() : null);
        if (reading != null && reading.isReading()) {
            long seconds = Math.max(0, Duration.between(reading.startedAt(), clock.instant()).toSeconds());
            model.addAttribute("readingSeconds", seconds);
            model.addAttribute("readingProgress", Math.min(95, seconds * 100 / EXPECTED_OCR_SECONDS));
        }
    }

    /** What reading a one-page scan by OCR usually takes; the progress bar is measured against it. */
    private static final long EXPECTED_OCR_SECONDS = 15;

    /** How the policy form names the canonical limit keys of API.md. */
    static final Map<String, String> LIMIT_LABELS = Map.ofEntries(
            Map.entry("EACH_OCCURRENCE", "Each occurrence"),
            Map.entry("DAMAGE_TO_RENTED_PREMISES", "Damage to rented premises"),
            Map.entry("MED_EXP", "Medical expense (any one person)"),
            Map.entry("PERSONAL_ADV_INJURY", "Personal & advertising injury"),
            Map.entry("GENERAL_AGGREGATE", "General aggregate"),
            Map.entry("PRODUCTS_COMP_OP_AGG", "Products – completed operations aggregate"),
            Map.entry("COMBINED_SINGLE_LIMIT", "Combined single limit"),
            Map.entry("BODILY_INJURY_PER_PERSON", "Bodily injury (per person)"),
            Map.entry("BODILY_INJURY_PER_ACCIDENT", "Bodily injury (per accident)"),
            Map.entry("PROPERTY_DAMAGE", "Property damage (per accident)"),
            Map.entry("AGGREGATE", "Aggregate"),
            Map.entry("RETENTION", "Retention"),
            Map.entry("EL_EACH_ACCIDENT", "E.L. each accident"),
            Map.entry("EL_DISEASE_EA_EMPLOYEE", "E.L. disease – each employee"),
            Map.entry("EL_DISEASE_POLICY_LIMIT", "E.L. disease – policy limit"));

    static final Map<String, String> LINE_LABELS = Map.of("GL", "General liability", "AUTO", "Automobile liability",
            "UMBRELLA", "Umbrella / excess liability", "WC", "Workers' compensation & employers' liability",
            "OTHER", "Other", "GLOBAL", "Every policy");

    /** What the policy form needs to draw its rows (shared with the review page). */
    static void policyFormModel(Model model) {
        model.addAttribute("limitKeys", limitKeys());
        model.addAttribute("limitLabels", LIMIT_LABELS);
        model.addAttribute("lineLabels", LINE_LABELS);
        model.addAttribute("lines", PolicyLimits.LINES);
    }

    /** The canonical limit keys per line of coverage, in API.md's order (what each policy row may carry). */
    static Map<String, List<String>> limitKeys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        PolicyLimits.LINES.forEach(line -> keys.put(line, PolicyLimits.keysOf(line)));
        return keys;
    }

    /**
     * A refusal the page can show (400, 409, 413, 415) sets the status and the reasons; anything else (403, 404)
     * goes to the application's error page.
     */
    void refusal(ProblemException refused, HttpServletResponse response, Model model, Caller caller, UUID id) {
        int status = refused.status();
        if (status == 403 || status == 404 || status >= 500) {
            throw refused;
        }
        response.setStatus(status);
        if (status == 409 && id != null) {
            String now = badges.label(views.get(caller, id).status());
            model.addAttribute("errors", FormErrors.general(refused.getMessage() + " This certificate is now “" + now
                    + "”; the page below shows it as it is now — reload it before trying again."));
            return;
        }
        model.addAttribute("errors", FormErrors.of(refused));
    }

    private static List<FieldError> signature(String signerName, boolean consent) {
        List<FieldError> errors = new ArrayList<>();
        if (signerName == null || signerName.isBlank() || signerName.length() > 200) {
            errors.add(new FieldError("signerName", "type your full name (at most 200 characters)"));
        }
        if (!consent) {
            errors.add(new FieldError("consent", "tick the box to attest that the certificate and the policy details are accurate"));
        }
        return errors;
    }

    private List<Row> rows(List<CoiView> cois) {
        Map<UUID, List<String>> names = queries.brokerNames(cois.stream().map(CoiView::id).toList());
        return cois.stream().map(c -> new Row(c, names.getOrDefault(c.id(), List.of()), CoiTurns.waiting(c.status()),
                CoiTurns.callToAction(c.allowedActions()))).toList();
    }

    private static String pageUrl(String status, UUID projectId, UUID subcontractorId) {
        List<String> query = new ArrayList<>();
        if (status != null) {
            query.add("status=" + java.net.URLEncoder.encode(status, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (projectId != null) {
            query.add("projectId=" + projectId);
        }
        if (subcontractorId != null) {
            query.add("subcontractorId=" + subcontractorId);
        }
        return query.isEmpty() ? BASE : BASE + "?" + String.join("&", query);
    }

    static String done(UUID id, String key) {
        return "redirect:" + BASE + "/" + id + "?done=" + key;
    }
}
