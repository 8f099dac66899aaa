package app.covenant.identity.web.pages;

import app.covenant.identity.Permissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The permission catalogue laid out for a checklist: areas (administration, insurance, contracts), each
 * with one group per module prefix ({@code coi:…}, {@code contract:…}) in catalogue order.
 */
final class PermissionGroups {

    /** One checkbox. {@code grantable}: the editing admin holds it, so may hand it out. */
    record Item(String code, String description, boolean checked, boolean grantable) {
    }

    record Group(String module, String title, List<Item> items) {
    }

    record Area(String title, List<Group> groups) {
    }

    private static final Map<String, String> AREA_OF = Map.ofEntries(
            Map.entry("contractor", "Insurance"), Map.entry("project", "Insurance"), Map.entry("program", "Insurance"),
            Map.entry("broker", "Insurance"), Map.entry("coi", "Insurance"), Map.entry("reminder", "Insurance"),
            Map.entry("holdharmless", "Insurance"), Map.entry("template", "Contracts"),
            Map.entry("contract", "Contracts"), Map.entry("approval", "Contracts"), Map.entry("analytics", "Contracts"),
            Map.entry("search", "Contracts"), Map.entry("envelope", "Contracts"));

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("coi", "Certificates of insurance"), Map.entry("holdharmless", "Hold-harmless agreements"),
            Map.entry("feature", "Feature flags"), Map.entry("job", "Background jobs"),
            Map.entry("outbox", "E-mail outbox"), Map.entry("envelope", "Signature envelopes"),
            Map.entry("search", "Saved searches"), Map.entry("metrics", "Metrics"),
            Map.entry("audit", "Audit log"), Map.entry("reminder", "Renewal reminders"),
            Map.entry("approval", "Approvals"), Map.entry("broker", "Brokers"), Map.entry("analytics", "Analytics"));

    private PermissionGroups() {
    }

    static List<Area> of(Collection<String> checked, Set<String> held, boolean superAdmin) {
        Map<String, Map<String, List<Item>>> byArea = new LinkedHashMap<>();
        for (String area : List.of("Administration", "Insurance", "Contracts")) {
            byArea.put(area, new LinkedHashMap<>());
        }
        Permissions.all().forEach((code, description) -> {
            String module = Permissions.moduleOf(code);
            byArea.get(AREA_OF.getOrDefault(module, "Administration"))
                    .computeIfAbsent(module, key -> new ArrayList<>())
                    .add(new Item(code, description, checked.contains(code), superAdmin || held.contains(code)));
        });
        List<Area> areas = new ArrayList<>();
        byArea.forEach((area, groups) -> areas.add(new Area(area, groups.entrySet().stream()
                .map(group -> new Group(group.getKey(), title(group.getKey()), List.copyOf(group.getValue())))
                .toList())));
        return areas;
    }

    private static String title(String module) {
        String title = TITLES.get(module);
        if (title != null) {
            return title;
        }
        return module.substring(0, 1).toUpperCase(Locale.ROOT) + module.substring(1) + "s";
    }
}
