/**
 * Who is who: organizations (tenants), users, roles and permissions, memberships, sign-in with
 * rotating tokens, lockout, password and invitation flows, and the security filter chain that turns
 * each request into a {@link app.covenant.shared.security.Caller}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "platform :: security", "platform :: ui", "platform :: crypto",
                "platform :: http", "platform :: config", "platform :: ratelimit",
                "platform :: idempotency", "platform :: jobs", "platform :: modules",
                "audit", "notifications", "documents"})
package app.covenant.identity;
