package app.covenant.signatures.web;

import app.covenant.documents.DocumentContent;
import app.covenant.shared.security.Caller;
import app.covenant.signatures.EnvelopeView;
import app.covenant.signatures.Envelopes;
import app.covenant.signatures.internal.Disclosure;
import app.covenant.signatures.internal.EnvelopeReading;
import app.covenant.signatures.internal.SignedInSigning;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The envelope pages, signed in: {@code /envelopes/{id}} (status, signers, the event trail with its evidence, the
 * downloads) for whoever {@link Envelopes#find} lets see it (else 404); {@code /envelopes/{id}/sign}, the signing
 * page for the signer whose e-mail address is the caller's; {@code /envelopes/waiting}, the envelopes waiting for
 * the caller's signature.
 */
@Controller
class EnvelopePages {

    private final Envelopes envelopes;
    private final EnvelopeReading reading;
    private final SignedInSigning signing;

    EnvelopePages(Envelopes envelopes, EnvelopeReading reading, SignedInSigning signing) {
        this.envelopes = envelopes;
        this.reading = reading;
        this.signing = signing;
    }

    // Signed in is enough to ask, as for GET /api/v1/envelopes/{id}: readers and the envelope's signers see it.
    @PreAuthorize("isAuthenticated()")
    @GetMapping("/envelopes/{id}")
    String envelope(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        EnvelopeView envelope = envelopes.find(caller, id);
        Map<UUID, EnvelopeView.Signer> signers = envelope.signers().stream()
                .collect(Collectors.toMap(EnvelopeView.Signer::id, Function.identity()));
        model.addAttribute("envelope", envelope);
        model.addAttribute("signersById", signers);
        model.addAttribute("canSign", signing.waitingFor(caller).stream()
                .anyMatch(waiting -> waiting.envelopeId().equals(id)));
        return "signatures/envelope";
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/envelopes/waiting")
    String waiting(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("waiting", signing.waitingFor(caller));
        return "signatures/waiting";
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/envelopes/{id}/sign")
    String sign(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        model.addAttribute("view", signing.page(caller, id));
        model.addAttribute("documentUrl", "/envelopes/" + id + "/original");
        model.addAttribute("apiBase", "/api/v1/envelopes/" + id + "/sign");
        model.addAttribute("disclosureText", Disclosure.TEXT);
        model.addAttribute("disclosureVersion", Disclosure.VERSION);
        return "signatures/sign";
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/envelopes/{id}/original")
    ResponseEntity<InputStreamResource> original(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return pdf(reading.original(caller, id), false);
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/envelopes/{id}/final")
    ResponseEntity<InputStreamResource> completed(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return pdf(reading.finalDocument(caller, id), true);
    }

    private static ResponseEntity<InputStreamResource> pdf(DocumentContent content, boolean attachment) {
        ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(content.name()).build();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).contentLength(content.length())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InputStreamResource(content.stream()));
    }
}
