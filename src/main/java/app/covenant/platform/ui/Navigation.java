package app.covenant.platform.ui;

import app.covenant.platform.ui.NavigationItem.Area;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Collects the platform's links and every module's {@link NavigationItem} beans into sections. */
@Component
class Navigation {

    private static final List<NavigationItem> PLATFORM_ITEMS = List.of(
            new NavigationItem(Area.OVERVIEW, "Home", "/", "home", 0),
            new NavigationItem(Area.DEVELOPERS, "API docs", "/api/docs", "code", 10),
            new NavigationItem(Area.DEVELOPERS, "Health", "/health", "pulse", 20));

    private final Map<Area, List<NavigationItem>> byArea = new EnumMap<>(Area.class);

    Navigation(ObjectProvider<NavigationItem> contributed) {
        Stream.concat(PLATFORM_ITEMS.stream(), contributed.orderedStream())
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
