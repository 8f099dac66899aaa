package app.covenant.insurance.reports;

import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.shared.security.Caller;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the report filters offer: the general contractors and the projects the caller sees in their
 * current organization, by name — at most {@value #LIMIT} each (a longer list is not a usable menu; the
 * chosen GC narrows the projects).
 */
@Component
class ReportChoices {

    static final int LIMIT = 200;

    /** A choice of a filter menu. */
    record Choice(UUID id, String name) {
    }

    private final JdbcTemplate jdbc;

    ReportChoices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Choice> generalContractors(Caller caller) {
        Conditions where = new Conditions().add("k.organization_id = ?", caller.organizationId())
                .add("k.type = 'GENERAL_CONTRACTOR'").add(new InsuranceViewer(caller).contractors("k"));
        return jdbc.query("select k.id, k.name from insurance_contractors k where " + where.sql()
                + " order by k.name, k.id limit " + LIMIT, (rs, i) -> new Choice(rs.getObject("id", UUID.class),
                rs.getString("name")), where.args().toArray());
    }

    List<Choice> projects(Caller caller, UUID gcId) {
        Conditions where = new Conditions().add("p.organization_id = ?", caller.organizationId())
                .add(new InsuranceViewer(caller).projects("p"));
        if (gcId != null) {
            where.add("p.gc_id = ?", gcId);
        }
        return jdbc.query("select p.id, p.name from insurance_projects p where " + where.sql()
                + " order by p.name, p.id limit " + LIMIT, (rs, i) -> new Choice(rs.getObject("id", UUID.class),
                rs.getString("name")), where.args().toArray());
    }
}
