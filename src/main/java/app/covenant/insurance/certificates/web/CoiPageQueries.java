package app.covenant.insurance.certificates.web;

import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.access.SqlPredicate;
import app.covenant.shared.security.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read projections the certificate pages need beyond {@code CoiViews}: the brokers' names of a page of
 * certificates (one query) and the assignments (project and sub) a caller may request a certificate for.
 */
@Component
class CoiPageQueries {

    /** A sub assigned to a project the caller sees, as the "Request a certificate" form lists it. */
    record Assignment(UUID projectId, String projectName, UUID subId, String subName) {

        public String value() {
            return projectId + "/" + subId;
        }
    }

    private static final int MOST_ASSIGNMENTS = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    CoiPageQueries(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Certificate id → "name (company)" of each broker named on it, for one page of certificates. */
    Map<UUID, List<String>> brokerNames(Collection<UUID> coiIds) {
        Map<UUID, List<String>> names = new LinkedHashMap<>();
        if (coiIds.isEmpty()) {
            return names;
        }
        named.query("select cb.coi_id, b.name, b.company from insurance_coi_brokers cb join insurance_brokers b on "
                + "b.id = cb.broker_id where cb.coi_id in (:ids) order by cb.line", Map.of("ids", coiIds), rs -> {
                    String company = rs.getString("company");
                    names.computeIfAbsent(rs.getObject("coi_id", UUID.class), id -> new ArrayList<>())
                            .add(rs.getString("name") + (company == null ? "" : " (" + company + ")"));
                });
        return names;
    }

    /**
     * The subs assigned to projects the caller sees (the workflow decides whether the caller may request for
     * one), by project and sub name; at most {@value #MOST_ASSIGNMENTS}.
     */
    List<Assignment> assignments(Caller caller) {
        SqlPredicate visible = new InsuranceViewer(caller).projects("p");
        List<Object> args = new ArrayList<>(visible.args());
        args.add(MOST_ASSIGNMENTS);
        return jdbc.query("select p.id as project_id, p.name as project_name, s.id as sub_id, s.name as sub_name from "
                        + "insurance_projects p join insurance_project_assignments a on a.project_id = p.id join "
                        + "insurance_contractors s on s.id = a.sub_id where " + visible.sql()
                        + " order by lower(p.name), lower(s.name), s.id limit ?",
                (rs, i) -> new Assignment(rs.getObject("project_id", UUID.class), rs.getString("project_name"),
                        rs.getObject("sub_id", UUID.class), rs.getString("sub_name")), args.toArray());
    }
}
