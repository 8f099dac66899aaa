package app.covenant.insurance.compliance;

import java.util.List;
import java.util.Set;

/**
 * What a certificate of insurance shows, as the engine needs it.
 *
 * @param certificateHolder the holder printed on the ACORD 25; blank when not known
 * @param endorsements the kinds of endorsement documents present, e.g. "CG 20 10", "CG 20 37", "WC 00 03 13"
 */
public record CertificateSnapshot(String certificateHolder, List<PolicySnapshot> policies, Set<String> endorsements) {

    public CertificateSnapshot {
        certificateHolder = certificateHolder == null ? "" : certificateHolder;
        policies = List.copyOf(policies);
        endorsements = Set.copyOf(endorsements);
    }

    List<PolicySnapshot> policiesOf(LineOfCoverage line) {
        return policies.stream().filter(p -> p.line() == line).toList();
    }
}
