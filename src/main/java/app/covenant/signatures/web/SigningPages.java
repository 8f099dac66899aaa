package app.covenant.signatures.web;

import app.covenant.documents.DocumentContent;
import app.covenant.signatures.internal.Disclosure;
import app.covenant.signatures.internal.LinkSigning;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signing page of a link ({@code /sign/{token}}, no account needed, made for phones) and the document it
 * shows. The page's script ({@code /js/signing.js}) signs and declines through {@code /api/v1/signing/{token}}.
 */
@Controller
class SigningPages {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");

    private final LinkSigning signing;

    SigningPages(LinkSigning signing) {
        this.signing = signing;
    }

    /**
     * The link as e-mailed ({@code /sign?token=…}): a query token makes the outbox blank the stored e-mail once it is
     * delivered, as for invitations, so no usable link stays in the outbox. Forwards to the page's own address.
     */
    @PermitAll
    @GetMapping("/sign")
    String emailedLink(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (token != null && TOKEN.matcher(token).matches()) {
            return "redirect:/sign/" + token;
        }
        return page("", model, response);
    }

    @PermitAll
    @GetMapping("/sign/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        LinkSigning.PageView view = signing.page(token);
        if (view.problem() != null) {
            response.setStatus(view.problemStatus());
        }
        model.addAttribute("view", view);
        model.addAttribute("token", token);
        model.addAttribute("documentUrl", "/sign/" + token + "/document");
        model.addAttribute("apiBase", "/api/v1/signing/" + token);
        model.addAttribute("disclosureText", Disclosure.TEXT);
        model.addAttribute("disclosureVersion", Disclosure.VERSION);
        return "signatures/sign";
    }

    @PermitAll
    @GetMapping("/sign/{token}/document")
    ResponseEntity<InputStreamResource> document(@PathVariable String token) throws IOException {
        DocumentContent content = signing.document(token);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).contentLength(content.length())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(content.name()).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InputStreamResource(content.stream()));
    }
}
