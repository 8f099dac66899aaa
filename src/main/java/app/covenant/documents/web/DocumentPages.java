package app.covenant.documents.web;

import app.covenant.documents.DocumentView;
import app.covenant.documents.UserNames;
import app.covenant.documents.internal.DocumentLibrary;
import app.covenant.platform.ui.FlashMessages;
import app.covenant.platform.ui.FormErrors;
import app.covenant.platform.ui.NavigationItem;
import app.covenant.platform.ui.PageRequests;
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
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The organization's document library for people: a filtered, paginated list with an upload area for
 * several files at once, and one document with its versions, download and "upload a new version". Each
 * file is checked on its own: a refused one (wrong type, too large, infected, empty) is listed with its
 * reason and stores nothing, the others are stored.
 */
@Controller
class DocumentPages {

    private static final String TOO_LARGE_MESSAGE = "What you sent is larger than the upload limit; nothing was stored. Send large files one at a time.";

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

    @Bean
    static FlashMessages documentFlashMessages() {
        return new FlashMessages("documents", Map.of(
                "uploaded", "The document was uploaded.",
                "documents-uploaded", "The documents were uploaded.",
                "version-uploaded", "The new version was uploaded.",
                "document-deleted", "The document was deleted."));
    }

    /** One file of a post: stored, or refused with the reason and the status the refusal carries. */
    record UploadOutcome(String name, DocumentView stored, String reason, int status) {

        public boolean refused() {
            return stored == null;
        }
    }

    @PreAuthorize("hasAuthority('document:read')")
    @GetMapping("/documents")
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name,
                @RequestParam(required = false) String error, Pageable pageable, Model model) {
        tooLarge(error, model);
        return listPage(caller, name, pageable, model);
    }

    /**
     * Several {@code file} parts, each stored or refused on its own. All stored: redirect (to the document
     * when there was one, else to the list; htmx is told by {@code HX-Redirect}). Any refused: the list
     * again with one line per file, answered with the first refusal's status (to htmx with 200: the
     * answer is shown in place, and a browser would log an error status as a failure of the page).
     */
    @PreAuthorize("hasAuthority('document:upload')")
    @PostMapping("/documents")
    String upload(@AuthenticationPrincipal Caller caller, @RequestParam(name = "file", required = false) List<MultipartFile> files,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Pageable pageable, Model model,
                  HttpServletResponse response) {
        List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(DocumentPages::chosen).toList();
        if (chosen.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("errors", FormErrors.field("file", "Choose a file to upload."));
            return listPage(caller, null, pageable, model);
        }
        List<UploadOutcome> outcomes = chosen.stream().map(file -> uploadOne(caller, file)).toList();
        UploadOutcome firstRefusal = outcomes.stream().filter(UploadOutcome::refused).findFirst().orElse(null);
        if (firstRefusal == null) {
            String next = outcomes.size() == 1 ? "/documents/" + outcomes.getFirst().stored().id() + "?done=uploaded"
                    : "/documents?done=documents-uploaded";
            if (htmx == null) {
                return "redirect:" + next;
            }
            response.setHeader("HX-Redirect", next);
            model.addAttribute("outcomes", outcomes);
            return "documents/list :: upload-outcomes";
        }
        // htmx swaps the answer in place and reads the outcome from it; a plain post carries the refusal's status.
        if (htmx == null) {
            response.setStatus(firstRefusal.status());
        }
        model.addAttribute("outcomes", outcomes);
        return listPage(caller, null, pageable, model);
    }

    @PreAuthorize("hasAuthority('document:read')")
    @GetMapping("/documents/{id}")
    String document(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                    @RequestParam(required = false) String error, Model model) {
        tooLarge(error, model);
        return documentPage(caller, id, model);
    }

    @PreAuthorize("hasAuthority('document:upload')")
    @PostMapping("/documents/{id}/versions")
    String newVersion(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                      @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                      HttpServletResponse response) {
        library.changeableLibraryDocument(caller, id);
        try {
            if (file == null || !chosen(file)) {
                throw ProblemException.invalid("file", "Choose a file to upload.");
            }
            DocumentView stored = store(file, content -> library.uploadVersion(caller, id, file.getOriginalFilename(),
                    content));
            return "redirect:/documents/" + stored.id() + "?done=version-uploaded";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.general(reason(refused)));
            return documentPage(caller, id, model);
        }
    }

    @PreAuthorize("hasAuthority('document:upload')")
    @PostMapping("/documents/{id}/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        library.delete(caller, id);
        return "redirect:/documents?done=document-deleted";
    }

    private UploadOutcome uploadOne(Caller caller, MultipartFile file) {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "(unnamed file)" : file.getOriginalFilename();
        try {
            DocumentView stored = store(file, content -> library.upload(caller, file.getOriginalFilename(), content));
            return new UploadOutcome(stored.name(), stored, null, 200);
        } catch (ProblemException refused) {
            return new UploadOutcome(name, null, reason(refused), refused.status());
        }
    }

    /** The redirect of OversizedUploadFilter: the only {@code ?error=} these pages know. */
    private static void tooLarge(String error, Model model) {
        if (OversizedUploadFilter.TOO_LARGE.equals(error)) {
            model.addAttribute("errors", FormErrors.general(TOO_LARGE_MESSAGE));
        }
    }

    private String listPage(Caller caller, String name, Pageable pageable, Model model) {
        String filter = name == null || name.isBlank() ? null : name.strip();
        var documents = library.list(caller, filter, PageRequests.unsorted(pageable));
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

    /** A part with neither bytes nor a name is a file field left empty, not an empty file. */
    private static boolean chosen(MultipartFile file) {
        return !file.isEmpty() || file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
    }

    private static DocumentView store(MultipartFile file, Upload upload) {
        try (InputStream content = file.getInputStream()) {
            return upload.from(content);
        } catch (IOException e) {
            throw ProblemException.invalid("file", "The upload could not be read.");
        }
    }

    private static String reason(ProblemException refused) {
        return refused.errors().isEmpty() ? refused.getMessage() : refused.errors().getFirst().message();
    }

    private static List<UUID> uploaderIds(Collection<DocumentView> documents) {
        return documents.stream().map(DocumentView::uploadedBy).filter(Objects::nonNull).distinct().toList();
    }
}
