package app.covenant.audit.web;

import app.covenant.audit.AuditActors;
import app.covenant.audit.AuditSubjects;
import app.covenant.audit.AuditSubjects.Subject;
import app.covenant.audit.AuditVerification;
import app.covenant.audit.internal.AuditFilter;
import app.covenant.audit.internal.AuditLogEntry;
import app.covenant.audit.internal.AuditScope;
import app.covenant.audit.internal.AuditSearch;
import app.covenant.shared.security.Caller;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The audit log page for administrators, and the chain check it loads with htmx. Actors and targets show
 * by name with a link, named by the module that owns each kind of record ({@link AuditSubjects}): one
 * query per kind for the whole page.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditPageController {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String USER = "user";

    private final AuditSearch search;
    private final AuditVerification verification;
    private final Map<String, AuditSubjects> subjects;
    private final ObjectProvider<AuditActors> actors;

    AuditPageController(AuditSearch search, AuditVerification verification, ObjectProvider<AuditSubjects> subjects,
                        ObjectProvider<AuditActors> actors) {
        this.search = search;
        this.verification = verification;
        this.subjects = subjects.orderedStream().collect(Collectors.toMap(AuditSubjects::type, Function.identity()));
        this.actors = actors;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('audit:read')")
    String log(@AuthenticationPrincipal Caller caller, @ModelAttribute("filters") AuditPageFilters filters,
               Pageable pageable, Model model) {
        List<String> problems = new ArrayList<>();
        AuditFilter filter = filters.toFilter(problems);
        AuditScope scope = AuditScope.of(caller);
        Page<AuditLogEntry> page = search.search(scope, filter, pageable);
        model.addAttribute("problems", problems);
        model.addAttribute("page", page);
        model.addAttribute("rows", rows(caller, page.getContent()));
        model.addAttribute("choices", search.choices(scope));
        AuditActors people = actors.getIfAvailable();
        model.addAttribute("actors", people == null ? List.of() : people.membersOf(caller.organizationId()));
        model.addAttribute("baseUrl", filters.url());
        model.addAttribute("filtered", !filters.url().equals("/admin/audit"));
        model.addAttribute("canVerify", caller.has(AuditScope.VERIFY_PERMISSION));
        return "audit/log";
    }

    @GetMapping("/verify")
    @PreAuthorize("hasAuthority('audit:verify')")
    String verify(Model model) {
        model.addAttribute("verification", verification.verify());
        return "audit/log :: verify-result";
    }

    /** The page's entries with their actors and targets named: one lookup per kind of record. */
    private List<Row> rows(Caller caller, List<AuditLogEntry> entries) {
        Map<String, List<String>> idsByType = entries.stream().filter(entry -> entry.targetType() != null
                        && entry.targetId() != null)
                .collect(Collectors.groupingBy(AuditLogEntry::targetType,
                        Collectors.mapping(AuditLogEntry::targetId, Collectors.toCollection(ArrayList::new))));
        // Actors are users too: named in the same lookup as the users entries are about.
        entries.stream().map(AuditLogEntry::actorId).filter(id -> id != null).map(UUID::toString)
                .forEach(id -> idsByType.computeIfAbsent(USER, type -> new ArrayList<>()).add(id));
        Map<String, Map<String, Subject>> named = idsByType.entrySet().stream()
                .filter(ids -> subjects.containsKey(ids.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, ids -> subjects.get(ids.getKey())
                        .describe(caller.organizationId(), ids.getValue().stream().distinct().toList())));
        Map<String, Subject> people = named.getOrDefault(USER, Map.of());
        return entries.stream().map(entry -> new Row(entry, TIME.format(entry.occurredAt()),
                entry.actorId() == null ? null : people.get(entry.actorId().toString()),
                entry.targetType() == null || entry.targetId() == null ? null
                        : named.getOrDefault(entry.targetType(), Map.of()).get(entry.targetId()),
                entry.before() == null ? null : entry.before().toPrettyString(),
                entry.after() == null ? null : entry.after().toPrettyString())).toList();
    }

    /**
     * An entry with what the page shows of it already formatted.
     *
     * @param actor  the actor's name and page, or {@code null} when unknown here (the recorded address shows)
     * @param target the target's name and page, or {@code null} when its module does not name it
     */
    record Row(AuditLogEntry entry, String time, Subject actor, Subject target, String before, String after) {
    }
}
