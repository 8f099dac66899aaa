package app.covenant.insurance.access;

import app.covenant.shared.security.Caller;
import java.util.Objects;

/**
 * What a caller may see of the insurance records — INSURANCE.md "Visibility" — as SQL conditions, so that
 * lists, counts and lookups by id are all scoped in the query itself (never filtered after loading).
 *
 * <ul>
 *   <li>a super admin sees every organization's records;</li>
 *   <li>a holder of {@value #ALL_RECORDS} (ADMIN, MANAGER) sees their organization's;</li>
 *   <li>anyone else sees, in their organization, what they are related to: the companies they are linked to
 *       ({@code insurance_contractor_users}: a GC's people see its projects, its subs and the COIs on its
 *       projects; a sub's people their own company, projects and COIs) and, as a broker
 *       ({@code insurance_brokers.user_id}), the COIs they are named on, those COIs' projects and the subs
 *       whose policies they hold.</li>
 * </ul>
 * A record outside the condition answers {@code 404}, exactly like one that does not exist.
 */
public record InsuranceViewer(Caller caller) {

    /** The permission to see every insurance record of one's organization, not only one's own relationships. */
    public static final String ALL_RECORDS = "insurance:all";

    private static final String LINKED_COMPANIES =
            "select cu.contractor_id from insurance_contractor_users cu where cu.user_id = ?";

    public InsuranceViewer {
        Objects.requireNonNull(caller, "caller");
    }

    public boolean seesAllOfOrganization() {
        return caller.isSuperAdmin() || caller.has(ALL_RECORDS);
    }

    /** Condition on {@code insurance_cois} aliased {@code c}. */
    public SqlPredicate cois(String c) {
        if (caller.isSuperAdmin()) {
            return SqlPredicate.of("1 = 1");
        }
        if (caller.has(ALL_RECORDS)) {
            return SqlPredicate.of(c + ".organization_id = ?", caller.organizationId());
        }
        return SqlPredicate.of(c + ".organization_id = ? and (" + c + ".gc_id in (" + LINKED_COMPANIES + ") or "
                        + c + ".sub_id in (" + LINKED_COMPANIES + ") or " + namedBroker(c) + ")",
                caller.organizationId(), caller.userId(), caller.userId(), caller.userId());
    }

    /** Condition on {@code insurance_projects} aliased {@code p}. */
    public SqlPredicate projects(String p) {
        if (caller.isSuperAdmin()) {
            return SqlPredicate.of("1 = 1");
        }
        if (caller.has(ALL_RECORDS)) {
            return SqlPredicate.of(p + ".organization_id = ?", caller.organizationId());
        }
        return SqlPredicate.of(p + ".organization_id = ? and (" + p + ".gc_id in (" + LINKED_COMPANIES + ")"
                        + " or exists (select 1 from insurance_project_assignments pa where pa.project_id = " + p + ".id"
                        + " and pa.sub_id in (" + LINKED_COMPANIES + "))"
                        + " or exists (select 1 from insurance_cois pc where pc.project_id = " + p + ".id and "
                        + namedBroker("pc") + "))",
                caller.organizationId(), caller.userId(), caller.userId(), caller.userId());
    }

    /** Condition on {@code insurance_contractors} aliased {@code k}. */
    public SqlPredicate contractors(String k) {
        if (caller.isSuperAdmin()) {
            return SqlPredicate.of("1 = 1");
        }
        if (caller.has(ALL_RECORDS)) {
            return SqlPredicate.of(k + ".organization_id = ?", caller.organizationId());
        }
        return SqlPredicate.of(k + ".organization_id = ? and (" + k + ".id in (" + LINKED_COMPANIES + ")"
                        + " or exists (select 1 from insurance_gc_subcontractors gs where gs.sub_id = " + k + ".id"
                        + " and gs.gc_id in (" + LINKED_COMPANIES + "))"
                        + " or exists (select 1 from insurance_contractor_brokers kb join insurance_brokers kbb"
                        + " on kbb.id = kb.broker_id where kb.contractor_id = " + k + ".id and kbb.user_id = ?)"
                        + " or exists (select 1 from insurance_cois kc where kc.sub_id = " + k + ".id and "
                        + namedBroker("kc") + "))",
                caller.organizationId(), caller.userId(), caller.userId(), caller.userId(), caller.userId());
    }

    /** Condition that the broker whose id is in column {@code brokerId} is the caller's own broker record. */
    public SqlPredicate isCallersBroker(String brokerId) {
        return SqlPredicate.of(brokerId + " in (select cb.id from insurance_brokers cb where cb.user_id = ?)",
                caller.userId());
    }

    /**
     * Condition that the caller is one of the people of the company (a GC or a sub) whose id is in column
     * {@code contractorId} (no organization scope: combine it with one). A broker is no company's person.
     */
    public SqlPredicate linkedCompany(String contractorId) {
        return SqlPredicate.of(contractorId + " in (" + LINKED_COMPANIES + ")", caller.userId());
    }

    private static String namedBroker(String c) {
        return "exists (select 1 from insurance_coi_brokers nb join insurance_brokers nbb on nbb.id = nb.broker_id"
                + " where nb.coi_id = " + c + ".id and nbb.user_id = ?)";
    }
}
