package app.covenant.notifications.internal;

import app.covenant.notifications.NotificationType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The catalogue of notification types every module contributed as a bean, by label. */
@Component
public class NotificationTypes {

    private final Map<String, NotificationType> byCode = new LinkedHashMap<>();

    NotificationTypes(List<NotificationType> types) {
        types.stream().sorted(Comparator.comparing(NotificationType::label)).forEach(type -> {
            if (byCode.putIfAbsent(type.code(), type) != null) {
                throw new IllegalStateException("Two notification types share the code " + type.code());
            }
        });
    }

    public List<NotificationType> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<NotificationType> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    NotificationType require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown notification type " + code));
    }
}
