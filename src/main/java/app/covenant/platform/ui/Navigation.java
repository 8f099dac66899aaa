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
        return byArea.entrySet().stream()
                .map(entry -> new Section(entry.getKey().name().toLowerCase(Locale.ROOT), entry.getKey().title(),
                        entry.getValue().stream()
                                .filter(item -> item.permission() == null || permissions.contains(item.permission()))
                                .map(item -> new Link(item.label(), item.href(), item.icon(), isCurrent(item.href(), path)))
                                .toList()))
                .filter(section -> !section.links().isEmpty())
                .toList();
    }

    /** The links {@code permissions} open, area by area, without Home itself: where to go from the home page. */
    List<Link> destinationsFor(Set<String> permissions) {
        return sectionsFor(null, permissions).stream().flatMap(section -> section.links().stream())
                .filter(link -> !link.href().equals("/")).toList();
    }

    // "/" is current only on the home page itself; other links also cover the pages below them.
    private static boolean isCurrent(String href, String path) {
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
