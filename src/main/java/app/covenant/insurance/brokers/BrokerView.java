package app.covenant.insurance.brokers;

import java.util.List;
import java.util.UUID;

/** A known broker of the organization as the search answers it; {@code lines} the lines they were named for. */
public record BrokerView(UUID id, String name, String company, String email, String phone, boolean invited,
                         List<String> lines) {
}
