package app.covenant.documents.web;

import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentView;
import app.covenant.documents.internal.DocumentLibrary;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A download as the browser must get it: an attachment under the sanitised name (inline only for a PDF
 * preview), never sniffed, streamed from storage without holding it in memory — or a redirect to the
 * provider's presigned URL when that is configured.
 */
@Component
class DocumentDownloads {

    private final DocumentLibrary library;

    DocumentDownloads(DocumentLibrary library) {
        this.library = library;
    }

    ResponseEntity<StreamingResponseBody> download(Caller caller, UUID id, String disposition) {
        // The record first: another organization's id answers 404 whatever the parameters.
        DocumentView document = library.details(caller, id).document();
        boolean inline = "inline".equals(disposition);
        if (disposition != null && !inline && !"attachment".equals(disposition)) {
            throw ProblemException.invalid("disposition", "must be attachment or inline");
        }
        String name = document.name();
        String contentType = document.contentType();
        if (inline && !MediaType.APPLICATION_PDF_VALUE.equals(contentType)) {
            throw ProblemException.invalid("disposition", "only a PDF can be shown inline");
        }
        ContentDisposition header = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        Optional<URI> presigned = library.presignedDownload(caller, id, header.toString());
        if (presigned.isPresent()) {
            return ResponseEntity.status(HttpStatus.FOUND).location(presigned.get())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        DocumentContent content = library.download(caller, id);
        StreamingResponseBody body = out -> {
            try (InputStream in = content.stream()) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .contentLength(content.length())
                .header(HttpHeaders.CONTENT_DISPOSITION, header.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }
}
