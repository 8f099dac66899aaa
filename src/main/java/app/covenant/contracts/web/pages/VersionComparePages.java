package app.covenant.contracts.web.pages;

import app.covenant.contracts.ContractVersions;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.Contracts;
import app.covenant.contracts.VersionView;
import app.covenant.contracts.compare.AnnexureDiff;
import app.covenant.contracts.compare.FieldChanges;
import app.covenant.contracts.compare.TextDiff;
import app.covenant.contracts.compare.WordDiff;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two versions of a contract side by side ({@code /contracts/{id}/compare?from=&to=}, CLM.md "Versions"): pickers for
 * the two, the fields that changed, and the word-level diff of the body and of each annexure with the counts of
 * inserted and deleted words. Without numbers it compares the current version with the one before.
 */
@Controller
class VersionComparePages {

    private final Contracts contracts;
    private final ContractVersions versions;

    VersionComparePages(Contracts contracts, ContractVersions versions) {
        this.contracts = contracts;
        this.versions = versions;
    }

    @PreAuthorize("hasAnyAuthority('contract:read', 'contract:read-all')")
    @GetMapping("/contracts/{id}/compare")
    String compare(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   Model model) {
        ContractView contract = contracts.find(caller, id);
        int newest = contract.currentVersion();
        int after = number(to, "to", newest);
        int before = number(from, "from", Math.max(1, after - 1));
        List<VersionView> all = versions.list(caller, id, PageRequest.of(0, ContractDetailModel.VERSIONS_SHOWN))
                .getContent();
        model.addAttribute("c", contract);
        model.addAttribute("versions", all);
        model.addAttribute("from", before);
        model.addAttribute("to", after);
        if (before == after) {
            model.addAttribute("same", true);
            return "contracts/compare";
        }
        VersionView older = versions.get(caller, id, before);
        VersionView newer = versions.get(caller, id, after);
        TextDiff body = WordDiff.compare(older.bodyHtml(), newer.bodyHtml());
        List<AnnexureDiff> annexures = WordDiff.compareAnnexures(older.annexures(), newer.annexures());
        int inserted = body.insertedWords() + annexures.stream().mapToInt(a -> a.text().insertedWords()).sum();
        int deleted = body.deletedWords() + annexures.stream().mapToInt(a -> a.text().deletedWords()).sum();
        model.addAttribute("older", older);
        model.addAttribute("newer", newer);
        model.addAttribute("fieldChanges", FieldChanges.between(snapshot(older), snapshot(newer)));
        model.addAttribute("body", body);
        model.addAttribute("annexures", annexures);
        model.addAttribute("inserted", inserted);
        model.addAttribute("deleted", deleted);
        model.addAttribute("same", false);
        return "contracts/compare";
    }

    /** The fields a person filled in, then the template's variables ("variables.KEY"). */
    private static Map<String, Object> snapshot(VersionView version) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (version.fields() != null) {
            fields.putAll(version.fields());
        }
        fields.put("variables", version.variables() == null ? Map.of() : new LinkedHashMap<>(version.variables()));
        return fields;
    }

    private static int number(String value, String field, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 1) {
                throw ProblemException.invalid(field, "must be a version number (1 or more)");
            }
            return number;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a version number");
        }
    }
}
