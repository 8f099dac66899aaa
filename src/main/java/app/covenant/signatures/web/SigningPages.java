package app.covenant.signatures.web;

import app.covenant.documents.DocumentContent;
import app.covenant.signatures.internal.Disclosure;
import app.covenant.signatures.internal.LinkSigning;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The signing page of a link ({@code /sign/{token}}, no account needed, made for phones) and the document it
 * shows. The page's script ({@code /js/signing.js}) signs and declines through {@code /api/v1/signing/{token}}.
 */
@Controller
class SigningPages {

    private final LinkSigning signing;

    SigningPages(LinkSigning signing) {
        this.signing = signing;
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
