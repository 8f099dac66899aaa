/**
 * The technical ground every business module stands on: configuration from the environment,
 * HTTP conventions (correlation ids, problem details, API aliases, size limits), security headers
 * and CORS, health probes, node status, database migrations and the web layout.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package app.covenant.platform;
