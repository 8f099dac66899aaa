package app.covenant.signatures.web;

import app.covenant.shared.security.Caller;
import app.covenant.signatures.SignatureInput;
import app.covenant.signatures.SignatureInput.SignatureType;
import app.covenant.signatures.internal.LinkSigning;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/signing/{token}} (API.md "Electronic signature"): sign, decline, or ask for the one-time code
 * with the link's token, no account needed. Unknown link 404, used or expired 410, not your turn 409.
 */
@RestController
@RequestMapping(path = "/api/v1/signing/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
class SigningApiController {

    private final LinkSigning signing;

    SigningApiController(LinkSigning signing) {
        this.signing = signing;
    }

    /** The signing request; {@code code} only when the envelope asks for a one-time code. */
    record SignBody(String signerName, SignatureType signatureType, String typedSignature, String imageDataUrl,
                    Boolean consent, String code) {
    }

    record DeclineBody(String reason) {
    }

    @PermitAll
    @Operation(summary = "Sign with a signing link (typed or drawn signature, with consent)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> sign(@PathVariable String token, @RequestBody(required = false) SignBody body,
                              @AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        SignBody given = body == null ? new SignBody(null, null, null, null, null, null) : body;
        signing.sign(token, new SignatureInput(given.signerName(), given.signatureType(), given.typedSignature(),
                given.imageDataUrl(), given.consent()), given.code(), RequestEvidence.of(request, caller));
        return ResponseEntity.noContent().build();
    }

    @PermitAll
    @Operation(summary = "Decline to sign, with a reason")
    @PostMapping(path = "/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> decline(@PathVariable String token, @RequestBody(required = false) DeclineBody body,
                                 @AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        signing.decline(token, body == null ? null : body.reason(), RequestEvidence.of(request, caller));
        return ResponseEntity.noContent().build();
    }

    @PermitAll
    @Operation(summary = "E-mail the signer a one-time code (valid 10 minutes, 5 tries)")
    @PostMapping("/code")
    ResponseEntity<Void> code(@PathVariable String token, @AuthenticationPrincipal Caller caller,
                              HttpServletRequest request) {
        signing.sendCode(token, RequestEvidence.of(request, caller));
        return ResponseEntity.noContent().build();
    }
}
