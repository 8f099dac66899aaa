package app.covenant.documents.web;

import app.covenant.documents.DocumentView;
import app.covenant.documents.UserNames;
import app.covenant.documents.internal.DocumentLibrary;
import app.covenant.platform.ui.NavigationItem;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The organization's document library for people: a filtered, paginated list with an upload form, and
 * one document with its versions, download and "upload a new version". A refused upload (wrong type,
 * too large, infected, empty) comes back as a message on the same page.
 */
@Controller
class DocumentPages {

    private static final int PAGE_SIZE = 20;

    /** Messages of {@code ?done=} and {@code ?error=} after a redirect (never text from the request). */
    static final Map<String, String> MESSAGES = Map.of(
            "uploaded", "The document was uploaded.",
            "version", "The new version was uploaded.",
            "deleted", "The document was deleted.",
            OversizedUploadFilter.TOO_LARGE, "The file is larger than the upload limit; nothing was stored.");

    private final DocumentLibrary library;
    private final UserNames uploaders;

    DocumentPages(DocumentLibrary library, UserNames uploaders) {
        this.library = library;
        this.uploaders = uploaders;
    }

    @Bean
    static NavigationItem documentsNavigationItem() {
        return new NavigationItem(NavigationItem.Area.OVERVIEW, "Documents", "/documents", "file", 30,
                "document:read");
    }

    @PreAuthorize("hasAuthority('document:read')")
    @GetMapping("/documents")
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String done,
                @RequestParam(required = false) String error, Model model) {
        model.addAttribute("done", message(done));
        model.addAttribute("error", message(error));
        return listPage(caller, name, page, model);
    }

    @PreAuthorize("hasAuthority('document:upload')")
    @PostMapping("/documents")
    String upload(@AuthenticationPrincipal Caller caller, @RequestParam(name = "file", required = false) MultipartFile file,
                  Model model, HttpServletResponse response) {
        try {
            DocumentView stored = store(file, content -> library.upload(caller, file.getOriginalFilename(), content));
            return "redirect:/documents/" + stored.id() + "?done=uploaded";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("error", message(refused));
            return listPage(caller, null, 0, model);
        }
    }

    @PreAuthorize("hasAuthority('document:read')")
    @GetMapping("/documents/{id}")
    String document(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                    @RequestParam(required = false) String done, @RequestParam(required = false) String error,
                    Model model) {
        model.addAttribute("done", message(done));
        model.addAttribute("error", message(error));
        return documentPage(caller, id, model);
    }

    @PreAuthorize("hasAuthority('document:upload')")
    @PostMapping("/documents/{id}/versions")
    String newVersion(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                      @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                      HttpServletResponse response) {
        library.changeableLibraryDocument(caller, id);
        try {
            DocumentView stored = store(file, content -> library.uploadVersion(caller, id, file.getOriginalFilename(),
                    content));
            return "redirect:/documents/" + stored.id() + "?done=version";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("error", message(refused));
            return documentPage(caller, id, model);
        }
    }

    @PreAuthorize("hasAuthority('document:upload')")
    @PostMapping("/documents/{id}/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        library.delete(caller, id);
        return "redirect:/documents?done=deleted";
    }

    private String listPage(Caller caller, String name, int page, Model model) {
        String filter = name == null || name.isBlank() ? null : name.strip();
        var documents = library.list(caller, filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("documents", documents);
        model.addAttribute("uploaders", uploaders.namesOf(uploaderIds(documents.getContent())));
        model.addAttribute("name", filter);
        model.addAttribute("canUpload", caller.has("document:upload"));
        return "documents/list";
    }

    private String documentPage(Caller caller, UUID id, Model model) {
        DocumentLibrary.DocumentDetails details = library.details(caller, id);
        model.addAttribute("document", details.document());
        model.addAttribute("versions", details.versions().reversed());
        model.addAttribute("uploaders", uploaders.namesOf(uploaderIds(details.versions())));
        boolean library = "documents".equals(details.document().ownerModule());
        boolean mayChange = library && DocumentLibrary.mayChange(caller, details);
        model.addAttribute("canUpload", caller.has("document:upload") && mayChange);
        model.addAttribute("canDelete", mayChange);
        return "documents/document";
    }

    private interface Upload {
        DocumentView from(InputStream content);
    }

    private static DocumentView store(MultipartFile file, Upload upload) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank())) {
            throw ProblemException.invalid("file", "Choose a file to upload.");
        }
        try (InputStream content = file.getInputStream()) {
            return upload.from(content);
        } catch (IOException e) {
            throw ProblemException.invalid("file", "The upload could not be read.");
        }
    }

    private static String message(String key) {
        return key == null ? null : MESSAGES.get(key);
    }

    private static String message(ProblemException refused) {
        return refused.errors().isEmpty() ? refused.getMessage() : refused.errors().getFirst().message();
    }

    private static List<UUID> uploaderIds(Collection<DocumentView> documents) {
        return documents.stream().map(DocumentView::uploadedBy).filter(Objects::nonNull).distinct().toList();
    }
}
