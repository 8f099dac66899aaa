package app.covenant.platform.ui;

import app.covenant.platform.ui.NavigationItem.Area;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Collects every {@link NavigationItem} bean into sections. The platform's own links (Home, System) are
 * beans like every module's, so there is one way to add a link.
 */
@Component
class Navigation {

    private final Map<Area, List<NavigationItem>> byArea = new EnumMap<>(Area.class);

    Navigation(ObjectProvider<NavigationItem> contributed) {
        contributed.orderedStream()
                .sorted(Comparator.comparingInt(NavigationItem::order).thenComparing(NavigationItem::label))
                .forEach(item -> byArea.computeIfAbsent(item.area(), area -> new ArrayList<>()).add(item));
    }

    /**
     * The sections to show on the page at {@code path} to someone holding {@code permissions}, its own
     * link marked as current. Areas left without a visible link are not shown.
     */
    List<Section> sectionsFor(String path, Set<String> permissions) {
        String current = currentHref(path, permissions);
        return byArea.entrySet().stream()
                .map(entry -> new Section(entry.getKey().name().toLowerCase(Locale.ROOT), entry.getKey().title(),
                        entry.getValue().stream()
                                .filter(item -> visibleWith(item, permissions))
                                .map(item -> new Link(item.label(), item.href(), item.icon(), item.href().equals(current)))
                                .toList()))
                .filter(section -> !section.links().isEmpty())
                .toList();
    }

    /** The links {@code permissions} open, area by area, without Home itself: where to go from the home page. */
    List<Link> destinationsFor(Set<String> permissions) {
        return sectionsFor(null, permissions).stream().flatMap(section -> section.links().stream())
                .filter(link -> !link.href().equals("/")).toList();
    }

    private static boolean visibleWith(NavigationItem item, Set<String> permissions) {
        return item.anyOf().isEmpty() || item.anyOf().stream().anyMatch(permissions::contains);
    }

    // One link is current: the most specific one covering the page (/contracts/approvals, not also /contracts).
    private String currentHref(String path, Set<String> permissions) {
        return byArea.values().stream().flatMap(List::stream)
                .filter(item -> visibleWith(item, permissions) && covers(item.href(), path))
                .map(NavigationItem::href)
                .max(Comparator.comparingInt(String::length))
                .orElse(null);
    }

    // "/" is current only on the home page itself; other links also cover the pages below them.
    private static boolean covers(String href, String path) {
        if (path == null) {
            return false;
        }
        return href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
    }

    /** A titled group of links, as the layout renders it. */
    public record Section(String key, String title, List<Link> links) {
    }

    /** A link as rendered: {@code current} marks the page being shown. */
    public record Link(String label, String href, String icon, boolean current) {
    }
}
