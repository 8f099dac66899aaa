package app.covenant.holdharmless.internal;

import app.covenant.holdharmless.HoldHarmlessStatus;
import app.covenant.insurance.access.AgreementFacts;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily expiry: every agreement not {@code COMPLETED} or {@code REJECTED} (nor already {@code EXPIRED}) whose
 * expiration date is before the day becomes {@code EXPIRED}, in one set-based statement; the certificates follow.
 */
@Component
public class AgreementExpiry {

    private static final String DUE = " from hold_harmless_agreements where status in ('PENDING_GENERATION',"
            + " 'PENDING_SUB_SIGNATURE', 'PENDING_GC_SIGNATURE') and expiration_date < ?";

    private final JdbcTemplate jdbc;
    private final AgreementFacts facts;
    private final Clock clock;

    AgreementExpiry(JdbcTemplate jdbc, AgreementFacts facts, Clock clock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.clock = clock;
    }

    /** Expires the agreements past their date on {@code day}; answers how many. */
    @Transactional
    public int expire(LocalDate day) {
        Instant now = clock.instant();
        List<UUID> cois = jdbc.queryForList("select coi_id" + DUE + " for update", UUID.class, day);
        int expired = jdbc.update("update hold_harmless_agreements set status = '" + HoldHarmlessStatus.EXPIRED.name()
                + "', updated_at = ?, version = version + 1 where id in (select id" + DUE + ")", Timestamp.from(now), day);
        if (expired > 0) {
            facts.recordHoldHarmlessStatus(cois, HoldHarmlessStatus.EXPIRED.name(), now);
        }
        return expired;
    }
}
