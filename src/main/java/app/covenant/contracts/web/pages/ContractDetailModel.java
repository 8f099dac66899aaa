package app.covenant.contracts.web.pages;

import app.covenant.contracts.ActivityView;
import app.covenant.contracts.ApprovalView;
import app.covenant.contracts.ContractApprovals;
import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.ContractVersions;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.Contracts;
import app.covenant.contracts.RichText;
import app.covenant.contracts.VersionView;
import app.covenant.contracts.templates.Annexure;
import app.covenant.identity.Members;
import app.covenant.shared.security.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the contract's page shows, read through the contracts' API beans with the caller's visibility (a contract the
 * caller does not see is their 404): the header facts, the tab asked for, and the actions the caller may take now.
 * Shared by the page itself and the action posts that re-render it with a refusal's message.
 */
@Component
class ContractDetailModel {

    /** The tabs, in the order shown; the first is the default. */
    static final List<String> TABS = List.of("overview", "document", "approvals", "versions", "activity");
    static final int VERSIONS_SHOWN = 100;

    private final Contracts contracts;
    private final ContractApprovals approvals;
    private final ContractVersions versions;
    private final Members members;

    ContractDetailModel(Contracts contracts, ContractApprovals approvals, ContractVersions versions, Members members) {
        this.contracts = contracts;
        this.approvals = approvals;
        this.versions = versions;
        this.members = members;
    }

    /** Fills {@code model} for the tab (an unknown tab shows the overview) and answers the view's name. */
    String fill(Caller caller, UUID id, String tab, Model model) {
        ContractView contract = contracts.find(caller, id);
        String shown = tab != null && TABS.contains(tab.toLowerCase(Locale.ROOT)) ? tab.toLowerCase(Locale.ROOT)
                : TABS.getFirst();
        List<ApprovalView> all = approvals.ofContract(caller, id);
        ContractActions actions = ContractActions.of(caller, contract, all);
        Set<UUID> people = new HashSet<>();
        people.add(contract.ownerId());
        all.forEach(a -> addIfSet(people, a.actorId(), a.escalatedBy()));
        model.addAttribute("c", contract);
        model.addAttribute("tab", shown);
        model.addAttribute("tabs", TABS);
        model.addAttribute("actions", actions);
        model.addAttribute("awaited", actions.awaited());
        model.addAttribute("comment", ApprovalQueuePages.MIN_COMMENT);
        switch (shown) {
            case "document" -> document(contract, model);
            case "approvals" -> model.addAttribute("rounds", rounds(all));
            case "versions" -> {
                List<VersionView> list = versions.list(caller, id, PageRequest.of(0, VERSIONS_SHOWN)).getContent();
                list.forEach(v -> addIfSet(people, v.authorId()));
                model.addAttribute("versions", list);
            }
            case "activity" -> {
                List<ActivityView> activity = contracts.activity(caller, id);
                model.addAttribute("activity", activity);
            }
            default -> {
                if (actions.share()) {
                    List<UUID> shared = contracts.shares(caller, id);
                    people.addAll(shared);
                    model.addAttribute("sharedWith", shared);
                    model.addAttribute("members", members.holding(contract.organizationId(), ContractPermissions.READ)
                            .stream().filter(m -> !m.userId().equals(contract.ownerId())
                                    && !shared.contains(m.userId())).toList());
                }
            }
        }
        model.addAttribute("names", names(contract.organizationId(), people));
        return "contracts/detail";
    }

    private static void document(ContractView contract, Model model) {
        // Stored HTML is sanitised on the way in; cleaned once more here so nothing else ever reaches th:utext.
        model.addAttribute("bodyHtml", RichText.clean(contract.bodyHtml()));
        List<Annexure> annexures = new ArrayList<>();
        if (contract.annexures() != null) {
            contract.annexures().forEach(a -> annexures.add(new Annexure(a.title(), RichText.clean(a.html()))));
        }
        model.addAttribute("annexures", annexures);
        model.addAttribute("paper", contract.documentId() != null);
        model.addAttribute("extracted", !RichText.text(contract.bodyHtml()).isBlank());
    }

    /** The approvals by round, newest round first: every round stays in the history. */
    static Map<Integer, List<ApprovalView>> rounds(List<ApprovalView> all) {
        Map<Integer, List<ApprovalView>> byRound = new TreeMap<>(java.util.Comparator.reverseOrder());
        all.forEach(a -> byRound.computeIfAbsent(a.round(), r -> new ArrayList<>()).add(a));
        return byRound;
    }

    private Map<UUID, String> names(UUID organizationId, Collection<UUID> ids) {
        Map<UUID, String> names = new LinkedHashMap<>();
        members.byIds(organizationId, ids).forEach((id, member) -> names.put(id, member.name()));
        return names;
    }

    private static void addIfSet(Set<UUID> people, UUID... ids) {
        for (UUID id : ids) {
            if (id != null) {
                people.add(id);
            }
        }
    }
}
