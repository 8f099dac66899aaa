package app.covenant.contracts;

import app.covenant.shared.security.Caller;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** A contract's versions (CLM.md "Versions"): list, one, compare two, restore one as a new version. */
public interface ContractVersions {

    /** Newest first, without the snapshots. */
    Page<VersionView> list(Caller caller, UUID contractId, Pageable pageable);

    VersionView get(Caller caller, UUID contractId, int number);

    /** {@code from} → {@code to}: changed fields and word-level diffs; 404 for an unknown number, 400 below 1. */
    VersionComparison compare(Caller caller, UUID contractId, int from, int to);

    /** A new version with the old one's content; 409 unless the contract is editable. */
    ContractView restore(Caller caller, UUID contractId, int number);
}
