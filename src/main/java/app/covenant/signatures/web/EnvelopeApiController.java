package app.covenant.signatures.web;

import app.covenant.shared.security.Caller;
import app.covenant.signatures.EnvelopeView;
import app.covenant.signatures.Envelopes;
import app.covenant.signatures.SignatureInput;
import app.covenant.signatures.internal.EnvelopeReading;
import app.covenant.signatures.internal.SignedInSigning;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/envelopes/{id}}: an envelope with its signers and evidence, and its certificate of completion.
 * Readers of the organization ({@code signatures:read}) and the envelope's own signers see it; anyone else 404.
 * {@code /sign} and {@code /sign/decline}: the signed-in signer signs or declines without the e-mailed link.
 */
@RestController
@RequestMapping("/api/v1/envelopes/{id}")
class EnvelopeApiController {

    private final Envelopes envelopes;
    private final EnvelopeReading reading;

    private final SignedInSigning signing;

    EnvelopeApiController(Envelopes envelopes, EnvelopeReading reading, SignedInSigning signing) {
        this.envelopes = envelopes;
        this.reading = reading;
        this.signing = signing;
    }

    record DeclineBody(String reason) {
    }

    // The signer is the caller: the envelope's signer with the caller's e-mail address; anyone else 404.
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Sign as the signed-in signer (typed or drawn signature, with consent)")
    @PostMapping(path = "/sign", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> sign(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                              @RequestBody(required = false) SigningApiController.SignBody body,
                              HttpServletRequest request) {
        SigningApiController.SignBody given = body == null
                ? new SigningApiController.SignBody(null, null, null, null, null, null) : body;
        signing.sign(caller, id, new SignatureInput(given.signerName(), given.signatureType(), given.typedSignature(),
                given.imageDataUrl(), given.consent()), RequestEvidence.of(request, caller));
        return ResponseEntity.noContent().build();
    }

    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Decline to sign as the signed-in signer, with a reason")
    @PostMapping(path = "/sign/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> decline(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                 @RequestBody(required = false) DeclineBody body, HttpServletRequest request) {
        signing.decline(caller, id, body == null ? null : body.reason(), RequestEvidence.of(request, caller));
        return ResponseEntity.noContent().build();
    }

    // Signed in is enough to ask: a signer needs no permission for their own envelope (checked within, else 404).
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "An envelope: its signers, status and events with their evidence")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    EnvelopeView envelope(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return envelopes.find(caller, id);
    }

    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The envelope's certificate of completion (PDF)")
    @GetMapping(path = "/certificate", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> certificate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        byte[] pdf = reading.certificate(caller, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("certificate-" + id + ".pdf").build().toString())
                .body(pdf);
    }
}
