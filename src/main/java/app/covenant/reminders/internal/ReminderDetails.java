package app.covenant.reminders.internal;

import app.covenant.insurance.access.InsuranceNames;
import app.covenant.insurance.access.InsuranceNames.CertificateNames;
import app.covenant.reminders.ExpirationReminder;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the pages show next to a reminder (project, sub, policy number, broker, who acknowledged) — a fixed number
 * of queries per page of reminders, never one per row — and the choices of the pending list's filters. The
 * insurance names come from insurance's published {@link InsuranceNames} and view {@code insurance_policy_expirations}.
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

    private record Own(UUID brokerId, String policyNumber, String acknowledgedByEmail) {
    }

    private static final Comparator<Choice> BY_NAME = Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(c -> c.id().toString());

    private final JdbcTemplate jdbc;
    private final InsuranceNames names;

    ReminderDetails(JdbcTemplate jdbc, InsuranceNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    /** {@code reminders} with their names, in the same order. */
    @Transactional(readOnly = true)
    public List<Row> of(List<ExpirationReminder> reminders) {
        if (reminders.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(reminders.size(), "?"));
        Map<UUID, Own> own = new HashMap<>();
        jdbc.query("select r.id, r.broker_id, r.policy_number, u.email as acknowledged_by_email"
                        + " from reminders_expiration_reminders r left join users u on u.id = r.acknowledged_by"
                        + " where r.id in (" + marks + ")",
                rs -> {
                    own.put(rs.getObject("id", UUID.class), new Own(rs.getObject("broker_id", UUID.class),
                            rs.getString("policy_number"), rs.getString("acknowledged_by_email")));
                }, reminders.stream().map(ExpirationReminder::id).toArray());
        Map<UUID, CertificateNames> certificates = names.certificates(
                reminders.stream().map(ExpirationReminder::coiId).toList());
        Map<UUID, String> brokers = names.brokers(own.values().stream().map(Own::brokerId).toList());
        return reminders.stream().filter(r -> own.containsKey(r.id()) && certificates.containsKey(r.coiId()))
                .map(r -> {
                    Own o = own.get(r.id());
                    CertificateNames c = certificates.get(r.coiId());
                    return new Row(r, c.projectId(), c.projectName(), c.subName(), o.policyNumber(),
                            o.brokerId() == null ? null : brokers.get(o.brokerId()), o.acknowledgedByEmail());
                }).toList();
    }

    /**
     * The organization's projects that have pending reminders, by name — from the published view, the same source
     * the pending list's project filter uses.
     */
    @Transactional(readOnly = true)
    public List<Choice> projects(UUID organizationId) {
        return jdbc.query("select distinct v.project_id, v.project_name from insurance_policy_expirations v"
                        + " where v.organization_id = ? and v.coi_id in (select r.coi_id"
                        + " from reminders_expiration_reminders r where r.organization_id = ? and r.acknowledged = false)",
                (rs, n) -> new Choice(rs.getObject("project_id", UUID.class), rs.getString("project_name")),
                organizationId, organizationId).stream().sorted(BY_NAME).toList();
    }

    /** The organization's brokers named on pending reminders, by name. */
    @Transactional(readOnly = true)
    public List<Choice> brokers(UUID organizationId) {
        List<UUID> ids = jdbc.queryForList("select distinct r.broker_id from reminders_expiration_reminders r"
                + " where r.organization_id = ? and r.acknowledged = false and r.broker_id is not null",
                UUID.class, organizationId);
        return names.brokers(ids).entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue()))
                .filter(c -> Objects.nonNull(c.name())).sorted(BY_NAME).toList();
    }
}
