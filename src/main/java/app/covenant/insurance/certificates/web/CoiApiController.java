package app.covenant.insurance.certificates.web;

import app.covenant.insurance.brokers.BrokerInfo;
import app.covenant.insurance.certificates.CoiDocument;
import app.covenant.insurance.certificates.CoiDocuments;
import app.covenant.insurance.certificates.CoiExtraction;
import app.covenant.insurance.certificates.CoiReadings;
import app.covenant.insurance.certificates.CoiView;
import app.covenant.insurance.certificates.CoiViews;
import app.covenant.insurance.certificates.CoiWorkflow;
import app.covenant.insurance.certificates.ComplianceReport;
import app.covenant.insurance.certificates.ExpiringPolicy;
import app.covenant.insurance.certificates.PolicyInput;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/cois}: certificates of insurance — request, read, broker information, uploads, policies,
 * submission, attestation, compliance and overrides, review, resubmission, renewal and the master certificate.
 * Each state change answers the certificate as it is now (with the caller's {@code allowedActions}).
 */
@RestController
@RequestMapping(path = "/api/v1/cois", produces = MediaType.APPLICATION_JSON_VALUE)
class CoiApiController {

    private final CoiWorkflow workflow;
    private final CoiViews views;
    private final CoiDocuments documents;
    private final JsonMapper json;
    private final CoiReadings readings;

    CoiApiController(CoiWorkflow workflow, CoiViews views, CoiDocuments documents, JsonMapper json,
                     CoiReadings readings) {
        this.readings = readings;
        this.workflow = workflow;
        this.views = views;
        this.documents = documents;
        this.json = json;
    }

    @PreAuthorize("hasAuthority('coi:request')")
    @Operation(summary = "Request a certificate of a sub assigned to a project")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CoiView create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody CoiRequests.Create body) {
        UUID id = workflow.request(caller, body.projectId(), body.subcontractorId(), body.assignedAdminEmail());
        return views.get(caller, id);
    }

    @PreAuthorize("hasAuthority('coi:read')")
    @Operation(summary = "List certificates (filters status, projectId, subcontractorId; newest first)")
    @GetMapping
    Page<CoiView> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                       @RequestParam(required = false) UUID projectId,
                       @RequestParam(required = false) UUID subcontractorId,
                       @PageableDefault(size = 20) Pageable pageable) {
        return views.list(caller, status, projectId, subcontractorId, pageable);
    }

    @PreAuthorize("hasAuthority('coi:read')")
    @Operation(summary = "Policies of active certificates expiring within a number of days, soonest first")
    @GetMapping("/expiring")
    Page<ExpiringPolicy> expiring(@AuthenticationPrincipal Caller caller,
                                  @RequestParam(defaultValue = "30") int days,
                                  @PageableDefault(size = 20) Pageable pageable) {
        return views.expiring(caller, days, pageable);
    }

    @PreAuthorize("hasAuthority('coi:review')")
    @Operation(summary = "Certificates awaiting review, the longest-waiting first")
    @GetMapping("/review-queue")
    Page<CoiView> reviewQueue(@AuthenticationPrincipal Caller caller, @PageableDefault(size = 20) Pageable pageable) {
        return views.reviewQueue(caller, pageable);
    }

    @PreAuthorize("hasAuthority('coi:read')")
    @Operation(summary = "One certificate with its brokers, documents, timeline and the caller's allowed actions")
    @GetMapping("/{id}")
    CoiView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return views.get(caller, id);
    }

    @PreAuthorize("hasAuthority('coi:broker-info')")
    @Operation(summary = "Name the broker(s): GLOBAL or PER_POLICY; moves the certificate to AWAITING_BROKER_UPLOAD")
    @PutMapping(path = "/{id}/broker-info", consumes = MediaType.APPLICATION_JSON_VALUE)
    CoiView brokerInfo(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                       @Valid @RequestBody BrokerInfo body) {
        workflow.brokerInfo(caller, id, body);
        return views.get(caller, id);
    }

    /** The file and kind are optional here so that a certificate one may not upload to answers first (404/409/403). */
    @PreAuthorize("hasAuthority('coi:upload')")
    @Operation(summary = "Upload a document: kind ACORD25 (PDF), POLICY, ENDORSEMENT or OTHER (PDF, PNG, JPEG)")
    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CoiDocument upload(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                       @RequestParam(name = "file", required = false) MultipartFile file,
                       @RequestParam(name = "kind", required = false) String kind,
                       @RequestParam(name = "policyLine", required = false) String policyLine) {
        if (file == null) {
            documents.upload(caller, id, kind, policyLine, null, null);
            throw ProblemException.invalid("file", "Choose a file to upload.");
        }
        try (InputStream content = file.getInputStream()) {
            return documents.upload(caller, id, kind, policyLine, file.getOriginalFilename(), content);
        } catch (IOException e) {
            throw ProblemException.invalid("file", "The upload could not be read.");
        }
    }

    @PreAuthorize("hasAuthority('coi:read')")
    @Operation(summary = "The certificate's documents (download each at /api/v1/documents/{documentId}/content)")
    @GetMapping("/{id}/documents")
    List<CoiDocument> documents(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return documents.list(caller, id);
    }

    @PreAuthorize("hasAuthority('coi:read')")
    @Operation(summary = "What was read from the certificate's latest ACORD 25, with confidences (404 when none was uploaded)")
    @GetMapping("/{id}/extraction")
    CoiExtraction extraction(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return readings.latest(caller, id);
    }

    /**
     * The full set of policy rows: a JSON array, or {@code {"policies":[...]}}. Read as JSON first so that a
     * certificate one may not see answers 404 before the rows are looked at.
     */
    @PreAuthorize("hasAnyAuthority('coi:upload', 'coi:review')")
    @Operation(summary = "Replace the policy rows (brokers and sub while uploading; a reviewer confirms under review)")
    @PutMapping(path = "/{id}/policies", consumes = MediaType.APPLICATION_JSON_VALUE)
    CoiView policies(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody JsonNode body) {
        views.get(caller, id);
        JsonNode rows = body != null && body.isObject() ? body.get("policies") : body;
        if (rows == null || !rows.isArray()) {
            throw ProblemException.invalid("policies", "send the policy rows as a JSON array");
        }
        List<PolicyInput> input = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                input.add(json.treeToValue(rows.get(i), PolicyInput.class));
            } catch (JacksonException e) {
                throw ProblemException.invalid("policies[" + i + "]", "is not a policy row: dates as 2027-01-31, "
                        + "limits as whole dollars, indicators as true/false");
            }
        }
        workflow.replacePolicies(caller, id, input);
        return views.get(caller, id);
    }

    @PreAuthorize("hasAuthority('coi:upload')")
    @Operation(summary = "Submit the upload (ACORD 25 and policies present) → AWAITING_BROKER_SIGNATURE")
    @PostMapping("/{id}/submit-upload")
    CoiView submitUpload(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        workflow.submitUpload(caller, id);
        return views.get(caller, id);
    }

    @PreAuthorize("hasAuthority('coi:attest')")
    @Operation(summary = "The named broker attests (signs) → AWAITING_ADMIN_REVIEW once every policy is attested")
    @PostMapping(path = "/{id}/sign", consumes = MediaType.APPLICATION_JSON_VALUE)
    CoiView sign(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                 @Valid @RequestBody CoiRequests.Sign body) {
        workflow.sign(caller, id, body.signerName(), Boolean.TRUE.equals(body.consent()));
        return views.get(caller, id);
    }

    @PreAuthorize("hasAuthority('coi:read')")
    @Operation(summary = "The compliance engine's findings against the project's requirement")
    @GetMapping("/{id}/compliance")
    ComplianceReport compliance(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return views.compliance(caller, id);
    }

    @PreAuthorize("hasAuthority('coi:review')")
    @Operation(summary = "Override a finding with a reason (at least 10 characters)")
    @PostMapping(path = "/{id}/findings/override", consumes = MediaType.APPLICATION_JSON_VALUE)
    ComplianceReport override(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                              @Valid @RequestBody CoiRequests.Override body) {
        workflow.override(caller, id, body.code(), body.line(), body.reason());
        return views.compliance(caller, id);
    }

    @PreAuthorize("hasAuthority('coi:review')")
    @Operation(summary = "Withdraw an override (line: GL, AUTO, UMBRELLA, WC, PROFESSIONAL, OTHER or ANY)")
    @DeleteMapping("/{id}/findings/override")
    ResponseEntity<Void> withdrawOverride(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                          @RequestParam String code, @RequestParam(required = false) String line) {
        workflow.withdrawOverride(caller, id, code, line);
        return ResponseEntity.noContent().build();
    }

    @PreAuthorize("hasAuthority('coi:review')")
    @Operation(summary = "Approve (→ ACTIVE; every finding overridden first) or reject with deficiencies (→ DEFICIENCY_PENDING)")
    @PostMapping(path = "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    CoiView review(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                   @Valid @RequestBody CoiRequests.Review body) {
        workflow.review(caller, id, body.approved(), body.deficiencies(), body.notes());
        return views.get(caller, id);
    }

    @PreAuthorize("hasAuthority('coi:upload')")
    @Operation(summary = "DEFICIENCY_PENDING → AWAITING_BROKER_UPLOAD")
    @PostMapping("/{id}/resubmit")
    CoiView resubmit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        workflow.resubmit(caller, id);
        return views.get(caller, id);
    }

    @PreAuthorize("hasAuthority('coi:request')")
    @Operation(summary = "Renew an EXPIRED certificate (or an ACTIVE one within 30 days of expiry): a new certificate")
    @PostMapping("/{id}/renew")
    @ResponseStatus(HttpStatus.CREATED)
    CoiView renew(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return views.get(caller, workflow.renew(caller, id));
    }

    @PreAuthorize("hasAuthority('coi:broker-info')")
    @Operation(summary = "Copy the sub's latest active certificate of another project → AWAITING_ADMIN_REVIEW")
    @PostMapping("/{id}/use-master-certificate")
    CoiView useMasterCertificate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        workflow.useMasterCertificate(caller, id);
        return views.get(caller, id);
    }
}
