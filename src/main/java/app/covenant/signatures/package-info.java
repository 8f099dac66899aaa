/**
 * Electronic signatures (API.md "Electronic signature"): an envelope is a PDF with its SHA-256 and ordered
 * signers (equal order numbers sign in parallel). Each group in turn is e-mailed single-use signing links
 * (stored as hashes, expiring); the signing page needs no account. Every event keeps its evidence (server
 * time, IP, user agent, authentication method, disclosure version, document hashes). When the last signer has
 * signed, the final PDF (original + signatures page + certificate of completion) is sealed with a PAdES
 * signature and stored through {@code documents}. Other modules open envelopes through {@link
 * app.covenant.signatures.Envelopes} and follow them by the published events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform :: modules", "platform :: ui",
        "documents", "notifications"})
package app.covenant.signatures;
