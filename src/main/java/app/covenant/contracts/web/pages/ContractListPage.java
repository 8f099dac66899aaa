package app.covenant.contracts.web.pages;

import app.covenant.contracts.ContractFilter;
import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.ContractStatus;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.Contracts;
import app.covenant.contracts.templates.ContractTemplateLibrary;
import app.covenant.contracts.templates.TemplateFilter;
import app.covenant.contracts.templates.TemplateSummary;
import app.covenant.identity.Members;
import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /contracts}: the contracts the caller sees ({@link Contracts#list}, so exactly the API's visibility: business
 * users their own and those shared with them, legal, finance and administrators the organization's), filtered by
 * status, text, template, "mine" and "ending within N days", in one of a few orders, a page at a time.
 */
@Controller
class ContractListPage {

    static final String PATH = "/contracts";
    /** The "ending within" choices of the filter (any other number given in the address works too). */
    static final List<Integer> EXPIRING_CHOICES = List.of(7, 30, 60, 90, 180);

    private final Contracts contracts;
    private final ContractTemplateLibrary library;
    private final Members members;

    ContractListPage(Contracts contracts, ContractTemplateLibrary library, Members members) {
        this.contracts = contracts;
        this.library = library;
        this.members = members;
    }

    @PreAuthorize("hasAnyAuthority('contract:read', 'contract:read-all')")
    @GetMapping(PATH)
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                @RequestParam(required = false) String q, @RequestParam(required = false) String template,
                @RequestParam(required = false) String owner, @RequestParam(required = false) Integer expiring,
                @RequestParam(required = false) String order, @PageableDefault(size = 20) Pageable pageable,
                Model model) {
        ListFilters filters = new ListFilters(status(status), blankToNull(q), uuid(template),
                "me".equalsIgnoreCase(blankToNull(owner)), expiring, ContractListOrder.of(order));
        ContractFilter filter = new ContractFilter(filters.status(), filters.q(), filters.expiring(),
                filters.templateId(), filters.mine() ? caller.userId() : null);
        Page<ContractView> page = contracts.list(caller, filter, PageRequests.inOrder(pageable, filters.order().sort()));
        Map<UUID, Members.Member> owners = members.byIds(caller.organizationId(),
                page.getContent().stream().map(ContractView::ownerId).collect(Collectors.toSet()));
        model.addAttribute("contracts", page);
        model.addAttribute("rows", page.getContent().stream().map(c -> ContractListRow.of(c,
                owners.containsKey(c.ownerId()) ? owners.get(c.ownerId()).name() : null)).toList());
        model.addAttribute("filters", filters);
        model.addAttribute("statuses", ContractStatus.values());
        model.addAttribute("orders", ContractListOrder.values());
        model.addAttribute("expiringChoices", EXPIRING_CHOICES);
        model.addAttribute("templates", templates(caller));
        model.addAttribute("mayCreate", caller.has(ContractPermissions.CREATE));
        model.addAttribute("baseUrl", filters.query(PATH));
        return "contracts/list";
    }

    private List<TemplateSummary> templates(Caller caller) {
        return library.list(caller, TemplateFilter.NONE, PageRequest.of(0, 100)).getContent();
    }

    /** What the list is narrowed to, as the filter form shows it and the pagination's links carry it. */
    record ListFilters(ContractStatus status, String q, UUID templateId, boolean mine, Integer expiring,
                       ContractListOrder order) {

        public boolean any() {
            return status != null || q != null || templateId != null || mine || expiring != null;
        }

        String query(String path) {
            UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
            if (status != null) {
                url.queryParam("status", status.name());
            }
            if (q != null) {
                url.queryParam("q", q);
            }
            if (templateId != null) {
                url.queryParam("template", templateId);
            }
            if (mine) {
                url.queryParam("owner", "me");
            }
            if (expiring != null) {
                url.queryParam("expiring", expiring);
            }
            if (order != ContractListOrder.NEWEST) {
                url.queryParam("order", order.key());
            }
            return url.encode().build().toUriString();
        }
    }

    private static ContractStatus status(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return ContractStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "unknown status: " + text + "; one of "
                    + List.of(ContractStatus.values()));
        }
    }

    private static UUID uuid(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("template", "must be a template's id");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
