package app.covenant.insurance.brokers;

import jakarta.validation.constraints.Size;

/** A broker as a sub names them: name and e-mail required (checked by {@link BrokerInfo#problems()}). */
public record BrokerContact(@Size(max = 200) String name, @Size(max = 200) String company, @Size(max = 254) String email,
                            @Size(max = 40) String phone) {
}
