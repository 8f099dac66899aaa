/** Configuration from the environment; {@link app.covenant.platform.config.PlatformProperties} is read by other modules. */
@org.springframework.modulith.NamedInterface("config")
package app.covenant.platform.config;
