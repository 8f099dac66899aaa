package app.covenant.notifications.internal;

import app.covenant.notifications.NotificationType;
import app.covenant.shared.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which types each user wants in the app and by e-mail. Only a user's changes are stored; a type's
 * defaults apply otherwise, so a type added by a later release reaches everyone as its module intends.
 */
@Service
public class NotificationPreferences {

    /** A user's effective choice for one type. */
    public record Preference(String type, String label, String description, boolean inApp, boolean email) {
    }

    /** One row of a preferences update; a list read back from GET (with label and description) is accepted. */
    @JsonIgnoreProperties({"label", "description"})
    public record Change(String type, Boolean inApp, Boolean email) {
    }

    record Choice(boolean inApp, boolean email) {
    }

    private static final String UPDATE = "update notification_preferences set in_app = :inApp, email = :email, "
            + "updated_at = :now where user_id = :user and type = :type";
    private static final String INSERT = "insert into notification_preferences (user_id, type, in_app, email, "
            + "updated_at) values (:user, :type, :inApp, :email, :now) on conflict do nothing";

    private final NamedParameterJdbcTemplate jdbc;
    private final NotificationTypes types;
    private final Clock clock;

    NotificationPreferences(NamedParameterJdbcTemplate jdbc, NotificationTypes types, Clock clock) {
        this.jdbc = jdbc;
        this.types = types;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Preference> of(UUID userId) {
        Map<String, Choice> stored = new HashMap<>();
        jdbc.query("select type, in_app, email from notification_preferences where user_id = :user",
                Map.of("user", userId), rs -> {
                    stored.put(rs.getString("type"), new Choice(rs.getBoolean("in_app"), rs.getBoolean("email")));
                });
        return types.all().stream().map(type -> {
            Choice choice = stored.getOrDefault(type.code(), defaults(type));
            return new Preference(type.code(), type.label(), type.description(), choice.inApp(), choice.email());
        }).toList();
    }

    /** Stores every change or none: an unknown type or a missing choice answers {@code 400}. */
    @Transactional
    public List<Preference> update(UUID userId, List<Change> changes) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        Map<String, Change> byType = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            if (change == null || types.find(change.type()).isEmpty()) {
                errors.add(new ProblemException.FieldError("[" + i + "].type", "is not a notification type"));
            } else if (change.inApp() == null || change.email() == null) {
                errors.add(new ProblemException.FieldError("[" + i + "]", "needs both inApp and email"));
            } else {
                byType.put(change.type(), change);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Timestamp now = Timestamp.from(clock.instant());
        byType.values().forEach(change -> {
            Map<String, Object> row = Map.of("user", userId, "type", change.type(), "inApp", change.inApp(),
                    "email", change.email(), "now", now);
            // Two first saves at once both find no row: the second insert yields to the first and then
            // updates it, instead of failing on the primary key (ON CONFLICT DO NOTHING, also understood by H2).
            if (jdbc.update(UPDATE, row) == 0 && jdbc.update(INSERT, row) == 0) {
                jdbc.update(UPDATE, row);
            }
        });
        return of(userId);
    }

    /** The choices of many users for one type, in one query. */
    Map<UUID, Choice> choices(Collection<UUID> userIds, NotificationType type) {
        Map<UUID, Choice> result = new HashMap<>();
        Choice fallback = defaults(type);
        userIds.forEach(id -> result.put(id, fallback));
        if (!userIds.isEmpty()) {
            jdbc.query("select user_id, in_app, email from notification_preferences where type = :type "
                    + "and user_id in (:users)", Map.of("type", type.code(), "users", userIds), rs -> {
                        result.put(rs.getObject("user_id", UUID.class),
                                new Choice(rs.getBoolean("in_app"), rs.getBoolean("email")));
                    });
        }
        return result;
    }

    private static Choice defaults(NotificationType type) {
        return new Choice(type.inAppByDefault(), type.emailByDefault());
    }
}
