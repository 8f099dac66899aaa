package app.covenant.holdharmless.web;

import app.covenant.documents.DocumentContent;
import app.covenant.holdharmless.HoldHarmless;
import app.covenant.holdharmless.HoldHarmlessAgreements;
import app.covenant.holdharmless.HoldHarmlessAgreements.Party;
import app.covenant.holdharmless.HoldHarmlessStats;
import app.covenant.holdharmless.HoldHarmlessStatus;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.signatures.Evidence;
import app.covenant.signatures.SignatureInput;
import app.covenant.signatures.SignatureInput.SignatureType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/hold-harmless} (API.md "Hold-harmless"). The fixed paths ({@code /stats}, {@code /coi/…},
 * {@code /default-template}, {@code /template-preview}) are literal mappings, which Spring prefers over
 * {@code /{id}} (itself a UUID), so none is shadowed.
 */
@RestController
@RequestMapping(path = "/api/v1/hold-harmless", produces = MediaType.APPLICATION_JSON_VALUE)
class HoldHarmlessApiController {

    private final HoldHarmlessAgreements agreements;

    HoldHarmlessApiController(HoldHarmlessAgreements agreements) {
        this.agreements = agreements;
    }

    /** A signature as API.md's sub-signature and gc-signature bodies give it. */
    record SignBody(String signerName, SignatureType signatureType, String typedSignature, String imageDataUrl,
                    Boolean consent) {
    }

    record PreviewBody(String templateHtml) {
    }

    @PreAuthorize("hasAuthority('holdharmless:stats')")
    @Operation(summary = "Counts by status, average hours to complete, overdue signatures")
    @GetMapping("/stats")
    HoldHarmlessStats stats(@AuthenticationPrincipal Caller caller) {
        return agreements.stats(caller);
    }

    @PreAuthorize("hasAuthority('holdharmless:read')")
    @Operation(summary = "The agreements one sees, newest first; filter status")
    @GetMapping
    Page<HoldHarmless> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                            @PageableDefault(size = 20) Pageable pageable) {
        return agreements.list(caller, status == null || status.isBlank() ? null : status(status), pageable);
    }

    @PreAuthorize("hasAuthority('holdharmless:read')")
    @Operation(summary = "The agreement of a certificate")
    @GetMapping("/coi/{coiId}")
    HoldHarmless forCertificate(@AuthenticationPrincipal Caller caller, @PathVariable UUID coiId) {
        return agreements.forCertificate(caller, coiId);
    }

    @PreAuthorize("hasAuthority('holdharmless:manage')")
    @Operation(summary = "The organization's default agreement template and the placeholders a template may use")
    @GetMapping("/default-template")
    Map<String, Object> defaultTemplate(@AuthenticationPrincipal Caller caller) {
        return Map.of("html", agreements.defaultTemplate(caller.organizationId()), "placeholders",
                agreements.placeholders());
    }

    record TemplateBody(String html) {
    }

    @PreAuthorize("hasAuthority('holdharmless:manage')")
    @Operation(summary = "Replace the organization's default agreement template (sanitised); 400 naming an unknown "
            + "placeholder")
    @PutMapping(path = "/default-template", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> saveDefaultTemplate(@AuthenticationPrincipal Caller caller,
                                            @RequestBody(required = false) TemplateBody body) {
        return Map.of("html", agreements.saveDefaultTemplate(caller, body == null ? null : body.html()),
                "placeholders", agreements.placeholders());
    }

    @PreAuthorize("hasAuthority('holdharmless:manage')")
    @Operation(summary = "A template sanitised and filled with sample values; 400 naming an unknown placeholder")
    @PostMapping(path = "/template-preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> preview(@AuthenticationPrincipal Caller caller, @RequestBody(required = false) PreviewBody body) {
        return Map.of("html", agreements.preview(caller.organizationId(), body == null ? null : body.templateHtml()));
    }

    @PreAuthorize("hasAuthority('holdharmless:read')")
    @Operation(summary = "An agreement")
    @GetMapping("/{id}")
    HoldHarmless find(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return agreements.find(caller, id);
    }

    @PreAuthorize("hasAuthority('holdharmless:sign')")
    @Operation(summary = "Sign as the certificate's subcontractor (signed in): PENDING_GC_SIGNATURE")
    @PostMapping(path = "/{id}/sub-signature", consumes = MediaType.APPLICATION_JSON_VALUE)
    HoldHarmless subSignature(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                              @RequestBody(required = false) SignBody body, HttpServletRequest request) {
        return agreements.sign(caller, id, Party.SUB, input(body), evidence(request, caller));
    }

    @PreAuthorize("hasAuthority('holdharmless:sign')")
    @Operation(summary = "Countersign as the certificate's general contractor (signed in); COMPLETED once sealed")
    @PostMapping(path = "/{id}/gc-signature", consumes = MediaType.APPLICATION_JSON_VALUE)
    HoldHarmless gcSignature(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                             @RequestBody(required = false) SignBody body, HttpServletRequest request) {
        return agreements.sign(caller, id, Party.GC, input(body), evidence(request, caller));
    }

    record DeclineBody(String reason) {
    }

    @PreAuthorize("hasAuthority('holdharmless:sign')")
    @Operation(summary = "Decline to sign as the certificate's subcontractor or general contractor whose turn it is "
            + "(signed in), with a reason: REJECTED")
    @PostMapping(path = "/{id}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    HoldHarmless decline(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                         @RequestBody(required = false) DeclineBody body, HttpServletRequest request) {
        return agreements.decline(caller, id, body == null ? null : body.reason(), evidence(request, caller));
    }

    @PreAuthorize("hasAuthority('holdharmless:manage')")
    @Operation(summary = "A new signing link for whoever must sign next; the previous one stops working")
    @PostMapping("/{id}/resend-signature")
    HoldHarmless resend(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return agreements.resend(caller, id);
    }

    @PreAuthorize("hasAuthority('holdharmless:manage')")
    @Operation(summary = "Generate a PENDING_GENERATION agreement again")
    @PostMapping("/{id}/retry-generation")
    HoldHarmless retry(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return agreements.retryGeneration(caller, id);
    }

    @PreAuthorize("hasAuthority('holdharmless:read')")
    @Operation(summary = "The agreement's PDF (the completed one once completed)")
    @GetMapping(path = "/{id}/document", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<InputStreamResource> document(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        DocumentContent content = agreements.document(caller, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).contentLength(content.length())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(content.name())
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InputStreamResource(content.stream()));
    }

    private static SignatureInput input(SignBody body) {
        SignBody given = body == null ? new SignBody(null, null, null, null, null) : body;
        return new SignatureInput(given.signerName(), given.signatureType(), given.typedSignature(),
                given.imageDataUrl(), given.consent());
    }

    /** The evidence of the request, as the signing API records it: client address, user agent, user. */
    private static Evidence evidence(HttpServletRequest request, Caller caller) {
        return new Evidence(request.getRemoteAddr(), request.getHeader("User-Agent"), caller.userId());
    }

    private static HoldHarmlessStatus status(String value) {
        try {
            return HoldHarmlessStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "unknown status: " + value + "; one of "
                    + List.of(HoldHarmlessStatus.values()));
        }
    }
}
