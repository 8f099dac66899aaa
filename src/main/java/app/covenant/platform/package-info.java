/**
 * The technical ground every business module stands on, one sub-package each: configuration from the
 * environment and the Redis guard ({@code config}), HTTP conventions — correlation ids, problem details,
 * API aliases, size limits ({@code http}), security headers and CORS ({@code security}), rate limits
 * ({@code ratelimit}), idempotency keys ({@code idempotency}), field encryption ({@code crypto}), background
 * jobs on db-scheduler and their history ({@code jobs}), health probes and the answers while the database is
 * down ({@code health}), node status and the System page ({@code status}), the migration command
 * ({@code migration}), the API description ({@code docs}), the web layout and kit ({@code ui}), and the types
 * through which modules declare their permissions, flags and public paths ({@code modules}). Modules use these
 * through the named interfaces; platform depends on {@code shared} only. Its tables (job runs, idempotency
 * keys, the scheduler's and Spring Modulith's) are read and written with JdbcTemplate, never JPA
 * (docs/persistence.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package app.covenant.platform;
