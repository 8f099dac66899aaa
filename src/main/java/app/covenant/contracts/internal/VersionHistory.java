package app.covenant.contracts.internal;

import app.covenant.contracts.ContractVersions;
import app.covenant.contracts.VersionComparison;
import app.covenant.contracts.compare.FieldChange;
import app.covenant.contracts.compare.FieldChanges;
import app.covenant.contracts.compare.WordDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.VersionView;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ContractVersions}: read the caller's visible contracts' versions (404 otherwise), restore through editing. */
@Service
class VersionHistory implements ContractVersions {

    private final ContractAccess access;
    private final VersionRepository versions;
    private final ContractEditing editing;

    VersionHistory(ContractAccess access, VersionRepository versions, ContractEditing editing) {
        this.access = access;
        this.versions = versions;
        this.editing = editing;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<VersionView> list(Caller caller, UUID contractId, Pageable pageable) {
        access.visible(caller, contractId);
        return versions.findByContractIdOrderByNumberDesc(contractId,
                        PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()))
                .map(version -> ContractViews.of(version, false));
    }

    @Override
    @Transactional(readOnly = true)
    public VersionView get(Caller caller, UUID contractId, int number) {
        access.visible(caller, contractId);
        return ContractViews.of(version(contractId, number), true);
    }

    @Override
    @Transactional(readOnly = true)
    public VersionComparison compare(Caller caller, UUID contractId, int from, int to) {
        access.visible(caller, contractId);
        if (from < 1) {
            throw ProblemException.invalid("from", "must be a version number");
        }
        if (to < 1) {
            throw ProblemException.invalid("to", "must be a version number");
        }
        ContractVersion older = version(contractId, from);
        ContractVersion newer = version(contractId, to);
        List<FieldChange> fields = new ArrayList<>(FieldChanges.between(comparable(older), comparable(newer)));
        return new VersionComparison(from, to, fields, WordDiff.compare(older.bodyHtml(), newer.bodyHtml()),
                WordDiff.compareAnnexures(older.annexures(), newer.annexures()));
    }

    /** The details, then the variable values (compared as {@code variables.KEY}) and the uploaded file. */
    private static Map<String, Object> comparable(ContractVersion version) {
        Map<String, Object> fields = new LinkedHashMap<>(version.fields());
        fields.put("variables", new LinkedHashMap<>(version.variables()));
        fields.put("document", version.documentId() == null ? null : version.documentId().toString());
        return fields;
    }

    @Override
    @Transactional
    public ContractView restore(Caller caller, UUID contractId, int number) {
        return editing.restore(caller, contractId, number);
    }

    ContractVersion version(UUID contractId, int number) {
        return versions.findByContractIdAndNumber(contractId, number)
                .orElseThrow(() -> ProblemException.notFound("Version " + number));
    }
}
