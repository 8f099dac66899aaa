package app.covenant.contracts.templates.web;

import app.covenant.contracts.templates.Annexure;
import app.covenant.contracts.templates.ContractTemplateLibrary;
import app.covenant.contracts.templates.TemplateCategory;
import app.covenant.contracts.templates.TemplateDraft;
import app.covenant.contracts.templates.TemplateFilter;
import app.covenant.contracts.templates.TemplatePreview;
import app.covenant.contracts.templates.TemplateSnapshot;
import app.covenant.contracts.templates.TemplateSummary;
import app.covenant.contracts.templates.TemplateVariable;
import app.covenant.contracts.templates.TemplateVersionInfo;
import app.covenant.contracts.templates.TemplateView;
import app.covenant.contracts.templates.VariableType;
import app.covenant.contracts.templates.internal.TemplateImport;
import app.covenant.identity.Members;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.shared.web.Sorting;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/templates} (API.md "Contracts"; {@code /api/templates} is the same through the version alias).
 * Reading needs {@code template:read}, writing {@code template:manage}; a template not available to the caller's
 * organization answers 404 everywhere. The literal paths ({@code /import}, {@code /preview}) win over {@code /{id}}.
 */
@RestController
@RequestMapping(path = "/api/v1/templates", produces = MediaType.APPLICATION_JSON_VALUE)
class ContractTemplateApiController {

    private static final Set<String> SORTABLE = Set.of("name", "code", "category", "updatedAt");
    /** Organizations one template may be enabled for beside its owner: a handful, not a broadcast. */
    private static final int MAX_ORGANIZATIONS = 20;

    private final ContractTemplateLibrary library;
    private final Members members;

    ContractTemplateApiController(ContractTemplateLibrary library, Members members) {
        this.library = library;
        this.members = members;
    }

    /** A template to create ({@code global}: a platform administrator's, for every organization) or edit. */
    record TemplateBody(String code, String name, TemplateCategory category, String description, String bodyHtml,
                        List<Annexure> annexures, List<VariableBody> variables, Boolean global) {

        TemplateDraft draft() {
            return new TemplateDraft(code, name, category, description, bodyHtml, annexures,
                    VariableBody.definitions(variables));
        }
    }

    /** A variable definition; {@code required} left out means required, as for a placeholder without one. */
    record VariableBody(String key, String label, VariableType type, Boolean required, String defaultValue,
                        List<String> choices) {

        static List<TemplateVariable> definitions(List<VariableBody> given) {
            return given == null ? List.of() : given.stream().filter(Objects::nonNull)
                    .map(v -> new TemplateVariable(v.key(), v.label(), v.type(), !Boolean.FALSE.equals(v.required()),
                            v.defaultValue(), v.choices()))
                    .toList();
        }
    }

    record PreviewBody(Map<String, String> values) {
    }

    record DraftPreviewBody(String bodyHtml, List<Annexure> annexures, List<VariableBody> variables,
                            Map<String, String> values) {
    }

    record AvailabilityBody(List<UUID> organizationIds) {
    }

    record Availability(Set<UUID> organizationIds) {
    }

    @PreAuthorize("hasAuthority('template:read')")
    @Operation(summary = "The templates available to the organization; filters category, q (name, code, description), "
            + "active")
    @GetMapping
    Page<TemplateSummary> list(@AuthenticationPrincipal Caller caller,
                               @RequestParam(required = false) TemplateCategory category,
                               @RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
                               @PageableDefault(size = 20) Pageable pageable) {
        return library.list(caller, new TemplateFilter(category, q, active),
                Sorting.only(pageable, SORTABLE, Sort.by("name")));
    }

    @PreAuthorize("hasAuthority('template:read')")
    @Operation(summary = "A template with its current version: body, annexures, variables")
    @GetMapping("/{id}")
    TemplateView find(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return library.find(caller, id);
    }

    @PreAuthorize("hasAuthority('template:read')")
    @Operation(summary = "The variables of the current version: every placeholder merged with its definition")
    @GetMapping("/{id}/variables")
    List<TemplateVariable> variables(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return library.find(caller, id).variables();
    }

    @PreAuthorize("hasAuthority('template:read')")
    @Operation(summary = "The template's versions, newest first")
    @GetMapping("/{id}/versions")
    List<TemplateVersionInfo> versions(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return library.versions(caller, id);
    }

    @PreAuthorize("hasAuthority('template:read')")
    @Operation(summary = "One version of the template, as it was written")
    @GetMapping("/{id}/versions/{number}")
    TemplateSnapshot version(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable int number) {
        return library.version(caller.organizationId(), id, number);
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @Operation(summary = "Create a template of the organization (or, for a platform administrator, a global one); "
            + "HTML is sanitised, placeholders derived; 409 when the code is taken")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    TemplateView create(@AuthenticationPrincipal Caller caller, @RequestBody(required = false) TemplateBody body) {
        TemplateBody given = body == null ? empty() : body;
        return library.create(caller, given.draft(), Boolean.TRUE.equals(given.global()));
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @Operation(summary = "Edit a template: a new version; contracts made from earlier versions keep theirs")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    TemplateView revise(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                        @RequestBody(required = false) TemplateBody body) {
        return library.revise(caller, id, (body == null ? empty() : body).draft());
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @Operation(summary = "Retire a template: kept, but no new contract is made from it; 409 when already retired")
    @PostMapping("/{id}/retire")
    TemplateView retire(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return library.retire(caller, id);
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @Operation(summary = "Reactivate a retired template; 409 when it is active")
    @PostMapping("/{id}/reactivate")
    TemplateView reactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return library.reactivate(caller, id);
    }

    @PreAuthorize("hasAuthority('template:read')")
    @Operation(summary = "The current version filled with sample values; placeholders without one stay visible")
    @PostMapping(path = "/{id}/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    TemplatePreview preview(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                            @RequestBody(required = false) PreviewBody body) {
        return library.preview(caller, id, body == null ? Map.of() : body.values());
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @Operation(summary = "An unsaved template sanitised and filled with sample values (the editor's preview)")
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    TemplatePreview previewDraft(@RequestBody(required = false) DraftPreviewBody body) {
        DraftPreviewBody given = body == null ? new DraftPreviewBody(null, null, null, null) : body;
        return library.previewDraft(given.bodyHtml(), given.annexures(),
                VariableBody.definitions(given.variables()), given.values());
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @Operation(summary = "Import a DOCX, HTML or plain-text file (told apart by content, up to 5 MB) as a new "
            + "template of the organization; placeholders derived. 400 for any other file")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    TemplateView importFile(@AuthenticationPrincipal Caller caller,
                            @RequestParam(name = "file", required = false) MultipartFile file,
                            @RequestParam(required = false) String name, @RequestParam(required = false) String code,
                            @RequestParam(required = false) TemplateCategory category) {
        return library.importDocument(caller, file == null ? null : file.getOriginalFilename(), bytes(file), name,
                code, category);
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @Operation(summary = "The organizations an organization's template is enabled for")
    @GetMapping("/{id}/availability")
    Availability availability(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return new Availability(library.availability(caller, id));
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @Operation(summary = "Enable the organization's template for other organizations in which the caller also "
            + "manages templates (the owner always keeps it)")
    @PutMapping(path = "/{id}/availability", consumes = MediaType.APPLICATION_JSON_VALUE)
    TemplateView enable(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                        @RequestBody(required = false) AvailabilityBody body) {
        Set<UUID> organizations = new LinkedHashSet<>(body == null || body.organizationIds() == null ? List.of()
                : body.organizationIds());
        organizations.remove(null);
        library.availability(caller, id); // 404 / 403 before looking at the organizations named
        if (organizations.size() > MAX_ORGANIZATIONS) {
            throw ProblemException.invalid("organizationIds", "at most " + MAX_ORGANIZATIONS + " organizations");
        }
        Set<UUID> managed = organizations.stream().filter(organization -> members.holding(organization,
                        "template:manage").stream().anyMatch(member -> member.userId().equals(caller.userId())))
                .collect(Collectors.toSet());
        return library.enable(caller, id, organizations, managed);
    }

    private static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "is required");
        }
        if (file.getSize() > TemplateImport.MAX_BYTES) {
            long megabytes = TemplateImport.MAX_BYTES / (1024 * 1024);
            throw new ProblemException(413, "The file is larger than " + megabytes + " MB, the most a template "
                    + "import reads.", List.of(new ProblemException.FieldError("file", "is larger than " + megabytes
                    + " MB")), Map.of());
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw ProblemException.invalid("file", "The upload could not be read.");
        }
    }

    private static TemplateBody empty() {
        return new TemplateBody(null, null, null, null, null, null, null, null);
    }
}
