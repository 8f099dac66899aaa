package app.covenant.reminders.internal;

import app.covenant.reminders.ReminderSettings;
import app.covenant.reminders.ReminderType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** JdbcTemplate access to {@code reminders_settings}: one row per organization that changed the defaults. */
@Component
public class SettingsRows {

    private final JdbcTemplate jdbc;

    SettingsRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ReminderSettings find(UUID organizationId) {
        List<ReminderSettings> found = jdbc.query("select enabled, disabled_types, extra_recipients, updated_at,"
                + " updated_by from reminders_settings where organization_id = ?", (rs, row) -> {
                    Timestamp at = rs.getTimestamp("updated_at");
                    return new ReminderSettings(rs.getBoolean("enabled"), types(rs.getString("disabled_types")),
                            split(rs.getString("extra_recipients")), at == null ? null : at.toInstant(),
                            rs.getObject("updated_by", UUID.class));
                }, organizationId);
        return found.isEmpty() ? ReminderSettings.defaults() : found.getFirst();
    }

    /** Replaces the organization's settings (update, or insert when it had none). */
    public void save(UUID organizationId, ReminderSettings settings, UUID by, Instant at) {
        String types = settings.disabledTypes().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        String extras = String.join(",", settings.extraRecipients());
        int updated = jdbc.update("update reminders_settings set enabled = ?, disabled_types = ?, extra_recipients = ?,"
                + " updated_by = ?, updated_at = ? where organization_id = ?", settings.enabled(), types, extras, by,
                Timestamp.from(at), organizationId);
        if (updated == 0) {
            jdbc.update("insert into reminders_settings (organization_id, enabled, disabled_types, extra_recipients,"
                    + " updated_by, updated_at) values (?, ?, ?, ?, ?, ?)", organizationId, settings.enabled(), types,
                    extras, by, Timestamp.from(at));
        }
    }

    private static Set<ReminderType> types(String csv) {
        Set<ReminderType> types = EnumSet.noneOf(ReminderType.class);
        split(csv).forEach(name -> types.add(ReminderType.valueOf(name)));
        return types;
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
