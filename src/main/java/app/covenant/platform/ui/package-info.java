/**
 * The web shell: layout, navigation, home page — and the web kit every module's pages are built with
 * (docs/web-kit.md): {@link app.covenant.platform.ui.FlashMessages} a module declares for its
 * {@code ?done=} keys, {@link app.covenant.platform.ui.FormErrors}, {@link app.covenant.platform.ui.LocalRedirects},
 * {@link app.covenant.platform.ui.PageRequests} (the one page-size rule), {@link app.covenant.platform.ui.Toasts}
 * and the template beans {@code @humanize} and {@code @pageTimes}. Published as the named interface
 * {@code platform :: ui} so business modules can use them and add, as beans, their own
 * {@link app.covenant.platform.ui.NavigationItem}s, {@link app.covenant.platform.ui.HomeCardSource}s (the home
 * page's cards) and {@link app.covenant.platform.ui.StatusTones} (badge colours).
 */
@org.springframework.modulith.NamedInterface("ui")
package app.covenant.platform.ui;
