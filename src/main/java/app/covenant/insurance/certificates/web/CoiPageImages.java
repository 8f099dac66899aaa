package app.covenant.insurance.certificates.web;

import app.covenant.insurance.certificates.CoiDocument;
import app.covenant.insurance.certificates.CoiDocuments;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /insurance/certificates/{id}/documents/{documentId}/pages/{n}.png}: a page of a certificate's document
 * as an image, for whoever sees the certificate; {@code 404} for a certificate the caller does not see, a
 * document of another certificate or a page the document does not have.
 */
@Controller
class CoiPageImages {

    private final CoiDocuments documents;
    private final CertificateImages images;

    CoiPageImages(CoiDocuments documents, CertificateImages images) {
        this.documents = documents;
        this.images = images;
    }

    @PreAuthorize("hasAuthority('coi:read')")
    @GetMapping(CoiPages.BASE + "/{id}/documents/{documentId}/pages/{page}.png")
    ResponseEntity<byte[]> page(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                @PathVariable UUID documentId, @PathVariable int page) {
        CoiDocument document = documents.list(caller, id).stream().filter(d -> d.documentId().equals(documentId))
                .findFirst().orElseThrow(() -> ProblemException.notFound("Document"));
        CertificateImages.Image image = images.page(document, page);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(300)).cachePrivate()).body(image.bytes());
    }
}
