package app.covenant.notifications.internal;

import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.Notice;
import app.covenant.notifications.NotificationRecipients;
import app.covenant.notifications.NotificationRecipients.Recipient;
import app.covenant.notifications.NotificationType;
import app.covenant.notifications.Notifier;
import app.covenant.notifications.OutgoingEmail;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link Notifier}: in-app rows in one batched insert, e-mail through the outbox, both in the caller's transaction. */
@Service
class NotificationWriter implements Notifier {

    /** The e-mail of a notice that brings none of its own: title, message and link in the branded layout. */
    static final String GENERIC_TEMPLATE = "notification";

    private final NotificationTypes types;
    private final NotificationRecipients recipients;
    private final NotificationPreferences preferences;
    private final EmailOutbox outbox;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    NotificationWriter(NotificationTypes types, NotificationRecipients recipients, NotificationPreferences preferences,
                       EmailOutbox outbox, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.types = types;
        this.recipients = recipients;
        this.preferences = preferences;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // MANDATORY, as for the outbox: a notification must exist exactly when the change it reports does.
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int notify(Collection<UUID> userIds, Notice notice) {
        NotificationType type = types.require(notice.type());
        Set<UUID> wanted = new LinkedHashSet<>(userIds);
        if (wanted.isEmpty()) {
            return 0;
        }
        List<Recipient> members = recipients.activeMembers(notice.organizationId(), wanted);
        if (notice.onceKey() != null) {
            Set<UUID> told = alreadyTold(members, notice.onceKey());
            members = members.stream().filter(member -> !told.contains(member.userId())).toList();
        }
        if (members.isEmpty()) {
            return 0;
        }
        Map<UUID, NotificationPreferences.Choice> choices =
                preferences.choices(members.stream().map(Recipient::userId).toList(), type);
        List<Recipient> inApp = members.stream().filter(member -> choices.get(member.userId()).inApp()).toList();
        insert(inApp, notice);
        members.stream().filter(member -> choices.get(member.userId()).email())
                .forEach(member -> outbox.enqueue(email(member, notice)));
        return inApp.size();
    }

    private Set<UUID> alreadyTold(List<Recipient> members, String onceKey) {
        Set<UUID> told = new HashSet<>();
        if (!members.isEmpty()) {
            jdbc.query("select user_id from notifications where once_key = :key and user_id in (:users)",
                    Map.of("key", onceKey, "users", members.stream().map(Recipient::userId).toList()),
                    rs -> {
                        told.add(rs.getObject("user_id", UUID.class));
                    });
        }
        return told;
    }

    private void insert(List<Recipient> inApp, Notice notice) {
        if (inApp.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        @SuppressWarnings("unchecked")
        Map<String, Object>[] rows = inApp.stream().map(member -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", UUID.randomUUID());
            row.put("user", member.userId());
            row.put("organization", notice.organizationId());
            row.put("type", notice.type());
            row.put("title", notice.title());
            row.put("message", notice.message());
            row.put("link", notice.link());
            row.put("onceKey", notice.onceKey());
            row.put("now", now);
            return row;
        }).toArray(Map[]::new);
        // One statement, sent as one JDBC batch for every recipient.
        jdbc.batchUpdate("insert into notifications (id, user_id, organization_id, type, title, message, link, "
                + "once_key, created_at) values (:id, :user, :organization, :type, :title, :message, :link, "
                + ":onceKey, :now)", rows);
    }

    private static OutgoingEmail email(Recipient member, Notice notice) {
        Map<String, Object> model = new HashMap<>();
        String subject;
        String template;
        if (notice.email() == null) {
            subject = notice.title();
            template = GENERIC_TEMPLATE;
            model.put("title", notice.title());
            model.put("message", notice.message());
            model.put("link", notice.link());
        } else {
            subject = notice.email().subject();
            template = notice.email().template();
            model.putAll(notice.email().model());
        }
        model.putIfAbsent("name", member.name());
        // Every notification e-mail says where to stop it.
        model.put("preferencesLink", "/account/notifications");
        return new OutgoingEmail(member.email(), subject, template, model, notice.organizationId());
    }
}
