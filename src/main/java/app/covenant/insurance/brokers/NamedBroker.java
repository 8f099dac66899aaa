package app.covenant.insurance.brokers;

import java.util.UUID;

/** A broker named for a line (GLOBAL or GL, AUTO, UMBRELLA, WC), with the contact details stored for them. */
public record NamedBroker(String line, UUID brokerId, String name, String company, String email, String phone,
                          UUID userId) {
}
