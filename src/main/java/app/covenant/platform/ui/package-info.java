/**
 * The web shell: layout, navigation, home page and shared view helpers. Published as the named
 * interface {@code platform :: ui} so business modules can add their own {@link app.covenant.platform.ui.NavigationItem}s.
 */
@org.springframework.modulith.NamedInterface("ui")
package app.covenant.platform.ui;
