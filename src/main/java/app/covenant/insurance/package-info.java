/**
 * Insurance compliance for general contractors (INSURANCE.md): contractors and the people linked to them,
 * brokers, projects and the subs assigned to them, insurance programs with trade tiers, and certificates of
 * insurance (COI) that brokers upload and reviewers check against the program with the pure compliance
 * engine ({@code compliance}). Who sees what is decided in SQL by {@code access.InsuranceViewer}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform :: modules",
        "platform :: ui", "platform :: http", "platform :: jobs", "identity", "identity :: events", "audit",
        "documents", "documents :: pdf", "documents :: ocr", "notifications"})
package app.covenant.insurance;
