package app.covenant.insurance.certificates;

import java.util.UUID;

/** A broker named on a certificate: {@code line} GLOBAL, or the line of coverage a per-policy broker holds. */
public record CoiBroker(String line, UUID brokerId, String name, String company, String email, String phone) {
}
