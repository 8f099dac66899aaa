package app.covenant.insurance.certificates;

import app.covenant.insurance.CoiStatus;
import app.covenant.insurance.InsuranceStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores a sub's insurance status ({@link InsuranceStatus#of}) in insurance_contractor_standing, recomputed from
 * all its certificates on every project it is assigned to whenever one of them is created or changes state, so
 * contractor lists filter and count by it. A project without any certificate counts as waiting.
 */
@Component
class ContractorStanding {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ContractorStanding(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    InsuranceStatus recompute(UUID organizationId, UUID subId) {
        Map<UUID, Set<CoiStatus>> perProject = new LinkedHashMap<>();
        jdbc.query("select project_id from insurance_project_assignments where sub_id = ?",
                rs -> { perProject.computeIfAbsent(rs.getObject("project_id", UUID.class), id -> new LinkedHashSet<>()); },
                subId);
        jdbc.query("select project_id, status from insurance_cois where sub_id = ?", rs -> {
            perProject.computeIfAbsent(rs.getObject("project_id", UUID.class), id -> new LinkedHashSet<>())
                    .add(CoiStatus.valueOf(rs.getString("status")));
        }, subId);
        InsuranceStatus status = InsuranceStatus.of(perProject.values());
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("update insurance_contractor_standing set insurance_status = ?, computed_at = ? "
                + "where contractor_id = ?", status.name(), now, subId);
        if (updated == 0) {
            jdbc.update("insert into insurance_contractor_standing (contractor_id, organization_id, insurance_status, "
                    + "computed_at) values (?, ?, ?, ?)", subId, organizationId, status.name(), now);
        }
        return status;
    }
}
