package app.covenant.identity.web.pages;

import app.covenant.identity.internal.PermissionCatalog;
import app.covenant.platform.modules.PermissionSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The permission catalogue laid out for a checklist: areas (administration first, then those the modules
 * name), each with one group per module prefix ({@code document:…}, {@code audit:…}) in declaration order,
 * titled as the declaring module says.
 */
final class PermissionGroups {

    /** One checkbox. {@code grantable}: the editing admin holds it, so may hand it out. */
    record Item(String code, String description, boolean checked, boolean grantable) {
    }

    record Group(String module, String title, List<Item> items) {
    }

    record Area(String title, List<Group> groups) {
    }

    private PermissionGroups() {
    }

    static List<Area> of(PermissionCatalog catalog, Collection<String> checked, Set<String> held, boolean superAdmin) {
        Map<String, Map<String, Group>> byArea = new LinkedHashMap<>();
        byArea.put(PermissionSet.ADMINISTRATION, new LinkedHashMap<>());
        for (PermissionCatalog.Entry entry : catalog.entries()) {
            byArea.computeIfAbsent(entry.area(), area -> new LinkedHashMap<>())
                    .computeIfAbsent(entry.module(), module -> new Group(module, entry.groupTitle(), new ArrayList<>()))
                    .items().add(new Item(entry.code(), entry.description(), checked.contains(entry.code()),
                            superAdmin || held.contains(entry.code())));
        }
        List<Area> areas = new ArrayList<>();
        byArea.forEach((area, groups) -> {
            if (!groups.isEmpty()) {
                areas.add(new Area(area, groups.values().stream()
                        .map(group -> new Group(group.module(), group.title(), List.copyOf(group.items()))).toList()));
            }
        });
        return areas;
    }
}
