package app.covenant.insurance.brokers;

import app.covenant.identity.PartyInvitations;
import app.covenant.identity.PartyInvitations.PartyRole;
import app.covenant.shared.persistence.LikePatterns;
import app.covenant.shared.security.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The brokers an organization knows (insurance_brokers, e-mail stored lower-case and unique per organization)
 * and the brokers each sub named (insurance_contractor_brokers). Naming a broker finds them by e-mail or adds
 * them, and invites them once as a {@code BROKER} user by link (never with a password), so they can sign in and
 * see the certificates they are named on.
 */
@Component
public class Brokers {

    private final JdbcTemplate jdbc;
    private final PartyInvitations invitations;
    private final Clock clock;

    Brokers(JdbcTemplate jdbc, PartyInvitations invitations, Clock clock) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.clock = clock;
    }

    /**
     * Stores {@code info} as the sub's brokers (replacing what it named before) and answers them by line.
     * {@code inviter} must act for {@code organizationId} (the certificate's organization).
     */
    public List<NamedBroker> nameForSub(Caller inviter, UUID organizationId, UUID subId, BrokerInfo info) {
        Caller actingForOrganization = new Caller(inviter.userId(), inviter.email(), inviter.name(), organizationId,
                inviter.roles(), inviter.permissions(), inviter.sessionId());
        List<NamedBroker> named = new ArrayList<>();
        for (Map.Entry<String, BrokerContact> line : info.byLine().entrySet()) {
            named.add(findOrAdd(actingForOrganization, organizationId, line.getKey(), line.getValue()));
        }
        jdbc.update("delete from insurance_contractor_brokers where contractor_id = ?", subId);
        for (NamedBroker broker : named) {
            jdbc.update("insert into insurance_contractor_brokers (contractor_id, line, broker_id) values (?, ?, ?)",
                    subId, broker.line(), broker.brokerId());
        }
        return named;
    }

    /** The brokers the sub named last (empty when none). */
    public List<NamedBroker> ofSub(UUID subId) {
        return jdbc.query("select kb.line, b.* from insurance_contractor_brokers kb join insurance_brokers b on "
                + "b.id = kb.broker_id where kb.contractor_id = ? order by kb.line", (rs, i) -> new NamedBroker(
                rs.getString("line"), rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("company"),
                rs.getString("email"), rs.getString("phone"), rs.getObject("user_id", UUID.class)), subId);
    }

    /**
     * Known brokers of the caller's organization whose name, e-mail or company contains {@code q}; with
     * {@code policyType}, only those named for that line (or for every line, GLOBAL) by a sub or on a certificate.
     */
    public Page<BrokerView> search(Caller caller, String q, String policyType, Pageable pageable) {
        StringBuilder where = new StringBuilder(" from insurance_brokers b where b.organization_id = ?");
        List<Object> args = new ArrayList<>(List.of(caller.organizationId()));
        String pattern = LikePatterns.containing(q);
        if (pattern != null) {
            where.append(" and (lower(b.name) like ? escape '\\' or b.email like ? escape '\\' or lower(b.company) "
                    + "like ? escape '\\')");
            args.addAll(List.of(pattern, pattern, pattern));
        }
        if (policyType != null && !policyType.isBlank()) {
            where.append(" and (exists (select 1 from insurance_contractor_brokers kb where kb.broker_id = b.id and "
                    + "kb.line in (?, 'GLOBAL')) or exists (select 1 from insurance_coi_brokers cb where cb.broker_id = "
                    + "b.id and cb.line in (?, 'GLOBAL')))");
            args.add(policyType);
            args.add(policyType);
        }
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<BrokerView> content = jdbc.query("select b.*" + where
                + " order by lower(b.name), b.email limit ? offset ?", (rs, i) -> new BrokerView(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("company"), rs.getString("email"),
                rs.getString("phone"), rs.getObject("user_id") != null, List.of()), pageArgs.toArray());
        return new PageImpl<>(withLines(content), pageable, total);
    }

    /** Adds, for one page of brokers, the lines each was named for (one query). */
    private List<BrokerView> withLines(List<BrokerView> brokers) {
        if (brokers.isEmpty()) {
            return brokers;
        }
        Map<UUID, List<String>> lines = new LinkedHashMap<>();
        String marks = String.join(", ", brokers.stream().map(b -> "?").toList());
        jdbc.query("select distinct broker_id, line from insurance_contractor_brokers where broker_id in (" + marks
                        + ") order by line", rs -> {
                    lines.computeIfAbsent(rs.getObject("broker_id", UUID.class), id -> new ArrayList<>())
                            .add(rs.getString("line"));
                }, brokers.stream().map(BrokerView::id).toArray());
        return brokers.stream().map(b -> new BrokerView(b.id(), b.name(), b.company(), b.email(), b.phone(),
                b.invited(), lines.getOrDefault(b.id(), List.of()))).toList();
    }

    private NamedBroker findOrAdd(Caller inviter, UUID organizationId, String line, BrokerContact contact) {
        String email = contact.email().strip().toLowerCase(Locale.ROOT);
        String name = contact.name().strip();
        Instant now = clock.instant();
        List<Map<String, Object>> existing = jdbc.queryForList("select id, user_id from insurance_brokers where "
                + "organization_id = ? and email = ?", organizationId, email);
        UUID id;
        UUID userId;
        if (existing.isEmpty()) {
            id = UUID.randomUUID();
            userId = null;
            jdbc.update("insert into insurance_brokers (id, organization_id, name, company, email, phone, user_id, "
                    + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, null, ?, ?)", id, organizationId, name,
                    blankToNull(contact.company()), email, blankToNull(contact.phone()), Timestamp.from(now),
                    Timestamp.from(now));
        } else {
            id = (UUID) existing.getFirst().get("id");
            userId = (UUID) existing.getFirst().get("user_id");
            jdbc.update("update insurance_brokers set name = ?, company = ?, phone = ?, updated_at = ? where id = ?",
                    name, blankToNull(contact.company()), blankToNull(contact.phone()), Timestamp.from(now), id);
        }
        if (userId == null) {
            userId = invitations.invite(inviter, email, name, PartyRole.BROKER).userId();
            jdbc.update("update insurance_brokers set user_id = ? where id = ?", userId, id);
        }
        return new NamedBroker(line, id, name, blankToNull(contact.company()), email, blankToNull(contact.phone()), userId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
