package app.covenant.signatures.web;

import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.signatures.internal.Verification;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/v1/signatures/verify}: is this PDF one we completed, unchanged, with its seal intact? */
@RestController
class VerifyApiController {

    private final Verification verification;

    VerifyApiController(Verification verification) {
        this.verification = verification;
    }

    @PreAuthorize("hasAuthority('signatures:verify')")
    @Operation(summary = "Check an uploaded PDF (multipart field 'file') against the documents we completed and sealed")
    @PostMapping(path = "/api/v1/signatures/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Verification.Result verify(@AuthenticationPrincipal Caller caller,
                               @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "Attach the PDF to check as the multipart field 'file'.");
        }
        return verification.verify(caller, file.getBytes());
    }
}
