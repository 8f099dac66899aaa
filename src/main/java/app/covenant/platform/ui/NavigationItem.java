package app.covenant.platform.ui;

import java.util.Objects;
import java.util.Set;

/**
 * One link of the left navigation. A module adds its pages by declaring a bean of this type, e.g.
 * {@code @Bean NavigationItem certificates() { return new NavigationItem(Area.INSURANCE, "Certificates",
 * "/insurance/certificates", "shield", 10); }}. An area appears only once it has a link.
 *
 * @param icon    name of an icon in {@code fragments/components.html :: icon}, or {@code null}
 * @param order   position within the area, lowest first
 * @param anyOf   the permissions of which a signed-in user needs one to see the link; empty: everyone
 */
public record NavigationItem(Area area, String label, String href, String icon, int order, Set<String> anyOf) {

    public NavigationItem(Area area, String label, String href, String icon, int order) {
        this(area, label, href, icon, order, Set.of());
    }

    /** A link for the holders of {@code permission} ({@code null}: everyone). */
    public NavigationItem(Area area, String label, String href, String icon, int order, String permission) {
        this(area, label, href, icon, order, permission == null ? Set.of() : Set.of(permission));
    }

    public NavigationItem {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(href, "href");
        anyOf = Set.copyOf(anyOf);
        if (!href.startsWith("/")) {
            throw new IllegalArgumentException("Navigation links stay on this site: " + href);
        }
    }

    /** The areas of the navigation, in the order they are shown. */
    public enum Area {
        OVERVIEW("Overview"),
        INSURANCE("Insurance"),
        CONTRACTS("Contracts"),
        ADMINISTRATION("Administration");

        private final String title;

        Area(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
