package app.covenant.signatures.web;

import app.covenant.shared.security.Caller;
import app.covenant.signatures.EnvelopeView;
import app.covenant.signatures.Envelopes;
import app.covenant.signatures.internal.EnvelopeReading;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/envelopes/{id}}: an envelope with its signers and evidence, and its certificate of completion.
 * Readers of the organization ({@code signatures:read}) and the envelope's own signers see it; anyone else 404.
 */
@RestController
@RequestMapping("/api/v1/envelopes/{id}")
class EnvelopeApiController {

    private final Envelopes envelopes;
    private final EnvelopeReading reading;

    EnvelopeApiController(Envelopes envelopes, EnvelopeReading reading) {
        this.envelopes = envelopes;
        this.reading = reading;
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
