package app.covenant.holdharmless.internal;

import app.covenant.holdharmless.HoldHarmlessStatus;
import app.covenant.insurance.access.AgreementFacts;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Keeps the certificate's {@code holdHarmlessStatus} equal to its agreement's status (in the caller's transaction). */
@Component
public class StatusMirror {

    private final AgreementFacts facts;

    StatusMirror(AgreementFacts facts) {
        this.facts = facts;
    }

    public void record(UUID coiId, HoldHarmlessStatus status, Instant at) {
        facts.recordHoldHarmlessStatus(coiId, status.name(), at);
    }
}
