package app.covenant.reminders.internal;

import app.covenant.reminders.ExpirationReminder;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the pages show next to a reminder (project, sub, policy number, broker, who acknowledged) — one query per
 * page of reminders, never one per row — and the choices of the pending list's filters.
 */
@Component
public class ReminderDetails {

    /** A reminder with the names around it. */
    public record Row(ExpirationReminder reminder, UUID projectId, String projectName, String subName,
                      String policyNumber, String brokerName, String acknowledgedByEmail) {
    }

    /** One choice of a filter. */
    public record Choice(UUID id, String name) {
    }

    private final JdbcTemplate jdbc;

    ReminderDetails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code reminders} with their names, in the same order. */
    @Transactional(readOnly = true)
    public List<Row> of(List<ExpirationReminder> reminders) {
        if (reminders.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(reminders.size(), "?"));
        Map<UUID, Row> found = new HashMap<>();
        Map<UUID, ExpirationReminder> byId = new HashMap<>();
        reminders.forEach(r -> byId.put(r.id(), r));
        jdbc.query("select r.id, c.project_id, pr.name as project_name, s.name as sub_name, r.policy_number,"
                        + " b.name as broker_name, u.email as acknowledged_by_email"
                        + " from reminders_expiration_reminders r join insurance_cois c on c.id = r.coi_id"
                        + " join insurance_projects pr on pr.id = c.project_id"
                        + " join insurance_contractors s on s.id = c.sub_id"
                        + " left join insurance_brokers b on b.id = r.broker_id"
                        + " left join users u on u.id = r.acknowledged_by where r.id in (" + marks + ")",
                rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    found.put(id, new Row(byId.get(id), rs.getObject("project_id", UUID.class),
                            rs.getString("project_name"), rs.getString("sub_name"), rs.getString("policy_number"),
                            rs.getString("broker_name"), rs.getString("acknowledged_by_email")));
                }, reminders.stream().map(ExpirationReminder::id).toArray());
        return reminders.stream().map(r -> found.get(r.id())).filter(java.util.Objects::nonNull).toList();
    }

    /** The organization's projects that have pending reminders, by name. */
    @Transactional(readOnly = true)
    public List<Choice> projects(UUID organizationId) {
        return jdbc.query("select p.id, p.name from insurance_projects p where p.organization_id = ? and exists"
                        + " (select 1 from reminders_expiration_reminders r join insurance_cois c on c.id = r.coi_id"
                        + " where c.project_id = p.id and r.acknowledged = false) order by p.name, p.id",
                (rs, n) -> new Choice(rs.getObject("id", UUID.class), rs.getString("name")), organizationId);
    }

    /** The organization's brokers named on pending reminders, by name. */
    @Transactional(readOnly = true)
    public List<Choice> brokers(UUID organizationId) {
        return jdbc.query("select b.id, b.name from insurance_brokers b where b.organization_id = ? and exists"
                        + " (select 1 from reminders_expiration_reminders r where r.broker_id = b.id"
                        + " and r.acknowledged = false) order by b.name, b.id",
                (rs, n) -> new Choice(rs.getObject("id", UUID.class), rs.getString("name")), organizationId);
    }
}
