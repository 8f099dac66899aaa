/**
 * Contract lifecycle (CLM.md): versioned templates with {@code {{KEY}}} placeholders, contracts drafted from a
 * template or uploaded third-party paper, legal and finance approval rounds with escalation to the head of legal,
 * and a version history with word-level comparison and restore. Business users see their own contracts and those
 * shared with them; legal, finance and administrators see their organization's.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform :: modules", "platform :: ui",
        "platform :: jobs", "identity", "audit", "identity :: events", "documents", "documents :: pdf",
        "documents :: ocr", "notifications", "signatures"})
package app.covenant.contracts;
