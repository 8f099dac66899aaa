package app.covenant.platform.ui;

import java.util.Objects;

/**
 * One link of the left navigation. A module adds its pages by declaring a bean of this type, e.g.
 * {@code @Bean NavigationItem certificates() { return new NavigationItem(Area.INSURANCE, "Certificates",
 * "/insurance/certificates", "shield", 10); }}. An area appears only once it has a link.
 *
 * @param icon       name of an icon in {@code fragments/components.html :: icon}, or {@code null}
 * @param order      position within the area, lowest first
 * @param permission the permission a signed-in user needs to see the link; {@code null}: everyone
 */
public record NavigationItem(Area area, String label, String href, String icon, int order, String permission) {

    public NavigationItem(Area area, String label, String href, String icon, int order) {
        this(area, label, href, icon, order, null);
    }

    public NavigationItem {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(href, "href");
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
