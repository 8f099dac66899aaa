/**
 * Renewal reminders (INSURANCE.md "Renewal reminders"): a daily run records, at most once per (certificate,
 * policy line, type, due date), the most recent reminder tier due for each policy of insurance's published read
 * model {@code insurance_policy_expirations}, and e-mails one digest per recipient through the outbox. Brokers and
 * admins acknowledge reminders; settings per organization switch types off and add recipients.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform :: modules",
        "platform :: ui", "platform :: http", "platform :: jobs", "identity", "audit", "notifications",
        "insurance :: access", "insurance :: pages"})
package app.covenant.reminders;
