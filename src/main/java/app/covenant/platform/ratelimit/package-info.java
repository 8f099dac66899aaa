/**
 * Rate limiting of SECURITY.md (Bucket4j; shared through Redis, in memory without it) and the
 * {@link app.covenant.platform.ratelimit.ClientAddress} of a request, which audit and sessions use too.
 * The identity module adds {@link app.covenant.platform.ratelimit.RateLimiting#filter()} to its
 * security filter chain, right after authentication.
 */
@org.springframework.modulith.NamedInterface("ratelimit")
package app.covenant.platform.ratelimit;
