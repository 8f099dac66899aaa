package app.covenant.documents.web;

import app.covenant.documents.DocumentView;
import app.covenant.documents.internal.DocumentLibrary;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/v1/documents}: the organization's document library (upload, list, versions, delete) and
 * the download of any document the caller may read. Metadata as JSON; content streamed.
 */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentApiController {

    private final DocumentLibrary library;
    private final DocumentDownloads downloads;

    DocumentApiController(DocumentLibrary library, DocumentDownloads downloads) {
        this.library = library;
        this.downloads = downloads;
    }

    @PreAuthorize("hasAuthority('document:upload')")
    @Operation(summary = "Upload a document")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DocumentView upload(@AuthenticationPrincipal Caller caller, @RequestParam("file") MultipartFile file) {
        try (InputStream content = file.getInputStream()) {
            return library.upload(caller, file.getOriginalFilename(), content);
        } catch (IOException e) {
            throw ProblemException.invalid("file", "The upload could not be read.");
        }
    }

    @PreAuthorize("hasAuthority('document:read')")
    @Operation(summary = "List and search documents")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Page<DocumentView> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name,
                            @PageableDefault(size = 20) Pageable pageable) {
        return library.list(caller, name, pageable);
    }

    @PreAuthorize("hasAuthority('document:read')")
    @Operation(summary = "Get a document with its versions")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    DocumentLibrary.DocumentDetails get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return library.details(caller, id);
    }

    @PreAuthorize("hasAuthority('document:read')")
    @Operation(summary = "Download a document's content")
    @GetMapping("/{id}/content")
    ResponseEntity<StreamingResponseBody> content(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                                  @RequestParam(required = false) String disposition) {
        return downloads.download(caller, id, disposition);
    }

    /**
     * The file is optional here so that an unknown document answers 404 (someone else's, without
     * {@code document:manage}, 403) before the upload is looked at.
     */
    @PreAuthorize("hasAuthority('document:upload')")
    @Operation(summary = "Upload a new version of a document")
    @PostMapping(path = "/{id}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DocumentView newVersion(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                            @RequestParam(name = "file", required = false) MultipartFile file) {
        library.changeableLibraryDocument(caller, id);
        if (file == null) {
            throw ProblemException.invalid("file", "Choose a file to upload.");
        }
        try (InputStream content = file.getInputStream()) {
            return library.uploadVersion(caller, id, file.getOriginalFilename(), content);
        } catch (IOException e) {
            throw ProblemException.invalid("file", "The upload could not be read.");
        }
    }

    @PreAuthorize("hasAuthority('document:upload')")
    @Operation(summary = "Delete a document")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        library.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
