package app.covenant.reminders;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.insurance.access.InsuranceNames;
import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.access.SqlPredicate;
import app.covenant.reminders.internal.ReminderRows;
import app.covenant.reminders.internal.SettingsRows;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What pages and the API ask of the reminders: the pending list, a certificate's history, acknowledgement,
 * statistics, settings, and the home card's "waiting for me" — in the caller's (current) organization, except a
 * certificate's history, which whoever sees the certificate sees.
 * Permissions are checked by the callers ({@code reminders:*}); which records is decided here, in SQL.
 */
@Service
public class Reminders {

    /** The permission of the organization-wide views (pending list, acknowledging any reminder). */
    public static final String READ = "reminders:read";

    private final JdbcTemplate jdbc;
    private final ReminderRows rows;
    private final SettingsRows settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final InsuranceNames names;

    Reminders(JdbcTemplate jdbc, ReminderRows rows, SettingsRows settings, AuditTrail audit, Clock clock,
              InsuranceNames names) {
        this.jdbc = jdbc;
        this.names = names;
        this.rows = rows;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Filters of the pending list; each may be null. */
    public record PendingFilter(ReminderType type, UUID projectId, UUID brokerId) {
    }

    /** Unacknowledged reminders of the organization, most urgent first (fewest days before expiry). */
    @Transactional(readOnly = true)
    public Page<ExpirationReminder> pending(Caller caller, PendingFilter filter, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where r.organization_id = ? and r.acknowledged = false");
        List<Object> args = new ArrayList<>(List.of(caller.organizationId()));
        if (filter.type() != null) {
            where.append(" and r.reminder_type = ?");
            args.add(filter.type().name());
        }
        if (filter.brokerId() != null) {
            where.append(" and r.broker_id = ?");
            args.add(filter.brokerId());
        }
        if (filter.projectId() != null) {
            where.append(" and r.coi_id in (select v.coi_id from insurance_policy_expirations v where v.project_id = ?)");
            args.add(filter.projectId());
        }
        return page(where.toString(), args, " order by r.days_before_expiry, r.sent_at desc, r.id", pageable);
    }

    /** The reminders a certificate got, newest first; 404 when the caller may not see the certificate. */
    @Transactional(readOnly = true)
    public List<ExpirationReminder> history(Caller caller, UUID coiId) {
        // Whoever sees the certificate sees its reminders, as on the certificate's page (the platform operator across
        // organizations, like every insurance record).
        if (!names.sees(caller, coiId)) {
            throw ProblemException.notFound("Certificate");
        }
        return jdbc.query("select " + ReminderRows.COLUMNS + " from reminders_expiration_reminders r where r.coi_id = ?"
                + " order by r.sent_at desc, r.due_date desc, r.id", ReminderRows.REMINDER, coiId);
    }

    /**
     * Acknowledges a reminder (idempotent: a second call changes nothing). Holders of {@value #READ} may acknowledge
     * any reminder of their organization, others only the ones naming their own broker record; else 404.
     */
    @Transactional
    public ExpirationReminder acknowledge(Caller caller, UUID id) {
        ExpirationReminder reminder = find(caller, id);
        if (!reminder.acknowledged()) {
            rows.acknowledge(id, caller.userId(), clock.instant());
            audit.record(AuditEntry.of("reminders", "reminder.acknowledged").actor(caller.userId(), caller.email())
                    .organization(caller.organizationId()).target("reminder", id)
                    .after(Map.of("coiId", reminder.coiId().toString(), "reminderType", reminder.reminderType().name())));
        }
        return find(caller, id);
    }

    /** Reminders waiting for the caller's acknowledgement, most urgent first (the home card). */
    @Transactional(readOnly = true)
    public Page<ExpirationReminder> waitingFor(Caller caller, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where r.organization_id = ? and r.acknowledged = false");
        List<Object> args = new ArrayList<>(List.of(caller.organizationId()));
        if (!caller.isSuperAdmin() && !caller.has(READ)) {
            SqlPredicate own = new InsuranceViewer(caller).isCallersBroker("r.broker_id");
            where.append(" and ").append(own.sql());
            args.addAll(own.args());
        }
        return page(where.toString(), args, " order by r.days_before_expiry, r.sent_at desc, r.id", pageable);
    }

    /** Counts by type and by acknowledgement. */
    @Transactional(readOnly = true)
    public ReminderStats stats(Caller caller) {
        Map<ReminderType, Long> byType = new EnumMap<>(ReminderType.class);
        for (ReminderType type : ReminderType.values()) {
            byType.put(type, 0L);
        }
        long[] acknowledged = {0, 0};
        jdbc.query("select reminder_type, acknowledged, count(*) as n from reminders_expiration_reminders"
                + " where organization_id = ? group by reminder_type, acknowledged", rs -> {
                    long n = rs.getLong("n");
                    byType.merge(ReminderType.valueOf(rs.getString("reminder_type")), n, Long::sum);
                    acknowledged[rs.getBoolean("acknowledged") ? 0 : 1] += n;
                }, caller.organizationId());
        return new ReminderStats(acknowledged[0] + acknowledged[1], byType, acknowledged[0], acknowledged[1]);
    }

    /** The latest run that recorded reminders for the organization: when, and how many it recorded. */
    public record LastReminders(Instant sentAt, long count) {
    }

    /** The organization's latest reminders (one run's rows share their {@code sent_at}); empty when none yet. */
    @Transactional(readOnly = true)
    public java.util.Optional<LastReminders> lastReminders(Caller caller) {
        return jdbc.query("select r.sent_at, count(*) as n from reminders_expiration_reminders r"
                        + " where r.organization_id = ? and r.sent_at = (select max(m.sent_at)"
                        + " from reminders_expiration_reminders m where m.organization_id = ?) group by r.sent_at",
                (rs, n) -> new LastReminders(rs.getTimestamp("sent_at").toInstant(), rs.getLong("n")),
                caller.organizationId(), caller.organizationId()).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public ReminderSettings settings(Caller caller) {
        return settings.find(caller.organizationId());
    }

    /** Replaces the organization's settings (addresses lower-cased, each once) and audits the change. */
    @Transactional
    public ReminderSettings saveSettings(Caller caller, ReminderSettings changed) {
        ReminderSettings before = settings.find(caller.organizationId());
        List<String> extras = changed.extraRecipients().stream().map(a -> a.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(a -> !a.isEmpty()).distinct().toList();
        ReminderSettings clean = new ReminderSettings(changed.enabled(), changed.disabledTypes(), extras, null, null);
        settings.save(caller.organizationId(), clean, caller.userId(), clock.instant());
        audit.record(AuditEntry.of("reminders", "reminder-settings.changed").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("reminder-settings", caller.organizationId())
                .before(describe(before)).after(describe(clean)));
        return settings.find(caller.organizationId());
    }

    /** One reminder the caller may acknowledge (see {@link #acknowledge}); else 404. */
    @Transactional(readOnly = true)
    public ExpirationReminder find(Caller caller, UUID id) {
        StringBuilder where = new StringBuilder(" where r.id = ? and r.organization_id = ?");
        List<Object> args = new ArrayList<>(List.of(id, caller.organizationId()));
        if (!caller.isSuperAdmin() && !caller.has(READ)) {
            SqlPredicate own = new InsuranceViewer(caller).isCallersBroker("r.broker_id");
            where.append(" and ").append(own.sql());
            args.addAll(own.args());
        }
        List<ExpirationReminder> found = jdbc.query("select " + ReminderRows.COLUMNS
                + " from reminders_expiration_reminders r" + where, ReminderRows.REMINDER, args.toArray());
        if (found.isEmpty()) {
            throw ProblemException.notFound("Reminder");
        }
        return found.getFirst();
    }

    private Page<ExpirationReminder> page(String where, List<Object> args, String order, Pageable pageable) {
        Long total = jdbc.queryForObject("select count(*) from reminders_expiration_reminders r" + where, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<ExpirationReminder> content = jdbc.query("select " + ReminderRows.COLUMNS
                + " from reminders_expiration_reminders r" + where + order + " limit ? offset ?", ReminderRows.REMINDER,
                pageArgs.toArray());
        return new PageImpl<>(content, pageable, total == null ? 0 : total);
    }

    private static Map<String, Object> describe(ReminderSettings s) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("enabled", s.enabled());
        values.put("disabledTypes", s.disabledTypes().stream().map(Enum::name).sorted().toList());
        values.put("extraRecipients", s.extraRecipients());
        return values;
    }
}
