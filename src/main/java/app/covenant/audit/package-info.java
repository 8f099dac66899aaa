/**
 * The append-only, hash-chained record of who did what, where and when. Modules call
 * {@link app.covenant.audit.AuditTrail} inside their own transaction, so an entry exists exactly
 * when the change it describes does (a direct call rather than an event: a failed sign-in has no
 * business change to hang an event on, and it must be recorded all the same).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform", "platform :: ui", "platform :: http", "platform :: jobs",
        "platform :: modules"})
package app.covenant.audit;
