/**
 * Facts of the identity module that other modules may react to (with {@code @ApplicationModuleListener}).
 */
@org.springframework.modulith.NamedInterface("events")
package app.covenant.identity.events;
