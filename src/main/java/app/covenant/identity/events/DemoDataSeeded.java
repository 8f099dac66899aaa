package app.covenant.identity.events;

import app.covenant.shared.security.Caller;
import java.util.Map;
import java.util.UUID;

/**
 * The embedded default's demo organizations and people were just created — on the first start on the
 * embedded H2 database only, never on PostgreSQL, so a module that seeds its own demo records from this
 * event seeds them exactly where and when identity did. Published synchronously during startup, after the
 * identity rows are committed and outside any transaction, before the web server takes a request; a
 * listener acts through its own services as the demo people (so its records carry real transitions,
 * audit entries and e-mails), each in transactions of its own.
 *
 * @param organizations the demo organizations by code ({@code DEMO}, {@code OTHER}) → id
 * @param callers       each demo user by e-mail → that user acting in their organization, with the
 *                      permissions their role holds now (as a request of theirs would carry; no session)
 */
public record DemoDataSeeded(Map<String, UUID> organizations, Map<String, Caller> callers) {

    public DemoDataSeeded {
        organizations = Map.copyOf(organizations);
        callers = Map.copyOf(callers);
    }

    /** The organization of {@code code}; fails for a code that is not a demo organization. */
    public UUID organization(String code) {
        UUID id = organizations.get(code);
        if (id == null) {
            throw new IllegalArgumentException("No demo organization " + code);
        }
        return id;
    }

    /** The demo user of {@code email} as a caller; fails for an address that is not a demo user's. */
    public Caller caller(String email) {
        Caller caller = callers.get(email);
        if (caller == null) {
            throw new IllegalArgumentException("No demo user " + email);
        }
        return caller;
    }
}
