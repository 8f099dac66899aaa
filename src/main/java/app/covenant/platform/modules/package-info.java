/**
 * What a module declares about itself, as beans in its own package, for the platform and identity to
 * collect: its {@link app.covenant.platform.modules.PermissionSet permissions} and which system roles get
 * them by default, its {@link app.covenant.platform.modules.FeatureFlag feature flags} (read through
 * {@link app.covenant.platform.modules.FeatureSwitches}) and its {@link app.covenant.platform.modules.PublicPaths
 * public paths}. Adding a module thus never means editing another one; see {@code docs/modules.md}.
 */
@org.springframework.modulith.NamedInterface("modules")
package app.covenant.platform.modules;
