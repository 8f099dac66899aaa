/**
 * Hold-harmless agreements (INSURANCE.md "Hold-harmless agreements", API.md "Hold-harmless"): when insurance
 * approves a certificate whose program requires one ({@code insurance.CertificateApproved}), the agreement is
 * rendered from the program's template (or the organization's default) into a PDF, stored through {@code documents}
 * and sent for signature, sub then GC, through a {@code signatures} envelope whose events move its status. A failed
 * generation stays {@code PENDING_GENERATION} with its error and can be retried; a daily job expires open agreements
 * past their expiration date. The certificate shows the agreement's status ({@code insurance :: access}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform :: modules", "platform :: ui",
        "platform :: jobs", "identity :: events", "insurance", "insurance :: access", "signatures", "documents",
        "documents :: pdf", "notifications", "insurance :: pages"})
package app.covenant.holdharmless;
