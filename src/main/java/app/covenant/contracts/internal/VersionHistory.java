package app.covenant.contracts.internal;

import app.covenant.contracts.ContractVersions;
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
    @Transactional
    public ContractView restore(Caller caller, UUID contractId, int number) {
        return editing.restore(caller, contractId, number);
    }

    ContractVersion version(UUID contractId, int number) {
        return versions.findByContractIdAndNumber(contractId, number)
                .orElseThrow(() -> ProblemException.notFound("Version " + number));
    }
}
