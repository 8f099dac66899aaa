/**
 * The {@code --migrate-only} command, exposed so the application's entry point can hand over to it.
 */
@org.springframework.modulith.NamedInterface("migration")
package app.covenant.platform.migration;
