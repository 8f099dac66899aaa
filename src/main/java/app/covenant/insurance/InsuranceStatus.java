package app.covenant.insurance;

import java.util.Collection;

/**
 * A contractor's insurance status, computed from its certificates across the projects it works on.
 *
 * <p>The rule ({@link #of}): each project is judged on its own certificates first —
 * <ol>
 *   <li>any {@code ACTIVE} certificate: the project is covered (a renewal in progress, even one with
 *       deficiencies, does not take away the coverage in force);</li>
 *   <li>otherwise any {@code DEFICIENCY_PENDING}: the project is deficient;</li>
 *   <li>otherwise any {@code EXPIRED}: the project's coverage lapsed, with no active replacement;</li>
 *   <li>otherwise (only certificates still in the workflow, or none): the project is waiting.</li>
 * </ol>
 * Then the contractor is {@link #NON_COMPLIANT} if any project is deficient, else {@link #EXPIRED} if any
 * lapsed, else {@link #COMPLIANT} if it has at least one project and all are covered, else {@link #PENDING}.
 */
public enum InsuranceStatus {
    COMPLIANT, NON_COMPLIANT, PENDING, EXPIRED;

    /** @param statusesPerProject for each project the contractor is assigned to, the statuses of its certificates there */
    public static InsuranceStatus of(Collection<? extends Collection<CoiStatus>> statusesPerProject) {
        boolean deficient = false;
        boolean lapsed = false;
        boolean waiting = statusesPerProject.isEmpty();
        for (Collection<CoiStatus> project : statusesPerProject) {
            if (project.contains(CoiStatus.ACTIVE)) {
                continue;
            }
            if (project.contains(CoiStatus.DEFICIENCY_PENDING)) {
                deficient = true;
            } else if (project.contains(CoiStatus.EXPIRED)) {
                lapsed = true;
            } else {
                waiting = true;
            }
        }
        if (deficient) {
            return NON_COMPLIANT;
        }
        if (lapsed) {
            return EXPIRED;
        }
        return waiting ? PENDING : COMPLIANT;
    }
}
