/** Safe retries of POST requests with {@code Idempotency-Key} (SECURITY.md, Requests). */
@org.springframework.modulith.NamedInterface("idempotency")
package app.covenant.platform.idempotency;
