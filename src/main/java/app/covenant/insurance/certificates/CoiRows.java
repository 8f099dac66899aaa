package app.covenant.insurance.certificates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The child rows of a certificate (insurance_coi_brokers, _documents, _policies, _policy_limits, _deficiencies,
 * _finding_overrides, _transitions): replaced as sets and appended to, so they are plain rows rather than
 * entities. Reads for many certificates at once take a collection of ids (one query per kind, never per row).
 */
@Component
class CoiRows {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    CoiRows(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    // --- brokers ---

    void replaceBrokers(UUID coiId, List<CoiBroker> brokers) {
        jdbc.update("delete from insurance_coi_brokers where coi_id = ?", coiId);
        for (CoiBroker broker : brokers) {
            jdbc.update("insert into insurance_coi_brokers (coi_id, line, broker_id, name, company, email, phone) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", coiId, broker.line(), broker.brokerId(), broker.name(),
                    broker.company(), broker.email(), broker.phone());
        }
    }

    List<CoiBroker> brokers(UUID coiId) {
        return jdbc.query("select * from insurance_coi_brokers where coi_id = ? order by line", CoiRows::broker, coiId);
    }

    /** The lines of the certificate the user is named on as broker (GLOBAL for a global broker). */
    Set<String> linesOfBrokerUser(UUID coiId, UUID userId) {
        return Set.copyOf(jdbc.queryForList("select b.line from insurance_coi_brokers b join insurance_brokers bb "
                + "on bb.id = b.broker_id where b.coi_id = ? and bb.user_id = ?", String.class, coiId, userId));
    }

    // --- documents ---

    void addDocument(UUID coiId, UUID documentId, String kind, String policyLine, UUID by, Instant at) {
        jdbc.update("insert into insurance_coi_documents (coi_id, document_id, kind, policy_line, uploaded_by, "
                + "uploaded_at) values (?, ?, ?, ?, ?, ?)", coiId, documentId, kind, policyLine, by, Timestamp.from(at));
    }

    /** The master certificate's documents, listed on the copy too (the files themselves stay where they are). */
    void copyDocuments(UUID fromCoiId, UUID toCoiId) {
        jdbc.update("insert into insurance_coi_documents (coi_id, document_id, kind, policy_line, uploaded_by, "
                + "uploaded_at) select ?, d.document_id, d.kind, d.policy_line, d.uploaded_by, d.uploaded_at from "
                + "insurance_coi_documents d where d.coi_id = ? and not exists (select 1 from insurance_coi_documents "
                + "e where e.coi_id = ? and e.document_id = d.document_id)", toCoiId, fromCoiId, toCoiId);
    }

    record DocumentRow(UUID documentId, String kind, String policyLine, UUID uploadedBy, Instant uploadedAt) {
    }

    List<DocumentRow> documents(UUID coiId) {
        return jdbc.query("select * from insurance_coi_documents where coi_id = ? order by uploaded_at, document_id",
                (rs, i) -> new DocumentRow(rs.getObject("document_id", UUID.class), rs.getString("kind"),
                        rs.getString("policy_line"), rs.getObject("uploaded_by", UUID.class), instant(rs, "uploaded_at")),
                coiId);
    }

    boolean hasDocument(UUID coiId, String kind) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from insurance_coi_documents where coi_id = ? "
                + "and kind = ?", Boolean.class, coiId, kind));
    }

    /** The certificates a document is listed on (a master certificate's files serve its copies too). */
    List<UUID> coisOfDocument(UUID documentId) {
        return jdbc.queryForList("select coi_id from insurance_coi_documents where document_id = ?", UUID.class,
                documentId);
    }

    // --- policies ---

    void replacePolicies(UUID coiId, List<CoiPolicy> policies) {
        jdbc.update("delete from insurance_coi_policies where coi_id = ?", coiId);
        for (CoiPolicy policy : policies) {
            UUID id = policy.id() == null ? UUID.randomUUID() : policy.id();
            jdbc.update("insert into insurance_coi_policies (id, coi_id, line, insurer_name, naic, policy_number, "
                    + "effective_date, expiration_date, additional_insured, waiver_of_subrogation, "
                    + "primary_non_contributory, statutory, broker_id, attested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?)", id, coiId, policy.line(), policy.insurerName(), policy.naic(),
                    policy.policyNumber(), policy.effectiveDate(), policy.expirationDate(), policy.additionalInsured(),
                    policy.waiverOfSubrogation(), policy.primaryNonContributory(), policy.statutory(), policy.brokerId(),
                    policy.attestedAt() == null ? null : Timestamp.from(policy.attestedAt()));
            policy.limits().forEach((key, amount) -> jdbc.update("insert into insurance_coi_policy_limits (policy_id, "
                    + "limit_key, amount) values (?, ?, ?)", id, key, amount));
        }
    }

    List<CoiPolicy> policies(UUID coiId) {
        return policiesOf(List.of(coiId)).getOrDefault(coiId, List.of());
    }

    /** The policies (with their limits) of several certificates in one query, by certificate. */
    Map<UUID, List<CoiPolicy>> policiesOf(Collection<UUID> coiIds) {
        Map<UUID, Map<UUID, CoiPolicy>> byCoi = new LinkedHashMap<>();
        if (coiIds.isEmpty()) {
            return Map.of();
        }
        named.query("select p.*, l.limit_key, l.amount from insurance_coi_policies p left join "
                + "insurance_coi_policy_limits l on l.policy_id = p.id where p.coi_id in (:ids) "
                + "order by p.coi_id, case p.line when 'GL' then 1 when 'AUTO' then 2 when 'UMBRELLA' then 3 "
                + "when 'WC' then 4 else 5 end, p.expiration_date, p.id", Map.of("ids", coiIds), rs -> {
                    UUID coiId = rs.getObject("coi_id", UUID.class);
                    UUID policyId = rs.getObject("id", UUID.class);
                    CoiPolicy policy = byCoi.computeIfAbsent(coiId, id -> new LinkedHashMap<>())
                            .computeIfAbsent(policyId, id -> policy(rs));
                    String key = rs.getString("limit_key");
                    if (key != null) {
                        policy.limits().put(key, rs.getLong("amount"));
                    }
                });
        Map<UUID, List<CoiPolicy>> result = new LinkedHashMap<>();
        byCoi.forEach((coi, policies) -> result.put(coi, List.copyOf(policies.values())));
        return result;
    }

    /** Marks the not yet attested rows of {@code lines} (all rows when null) attested; answers how many remain. */
    int attest(UUID coiId, Collection<String> lines, Instant at) {
        if (lines == null) {
            jdbc.update("update insurance_coi_policies set attested_at = ? where coi_id = ? and attested_at is null",
                    Timestamp.from(at), coiId);
        } else if (!lines.isEmpty()) {
            named.update("update insurance_coi_policies set attested_at = :at where coi_id = :coi and attested_at is "
                    + "null and line in (:lines)", Map.of("at", Timestamp.from(at), "coi", coiId, "lines", lines));
        }
        return jdbc.queryForObject("select count(*) from insurance_coi_policies where coi_id = ? and attested_at is "
                + "null", Integer.class, coiId);
    }

    /** A resubmitted certificate is attested afresh. */
    void clearAttestations(UUID coiId) {
        jdbc.update("update insurance_coi_policies set attested_at = null where coi_id = ?", coiId);
    }

    /** The earliest expiration of the certificate's policies (null without policies). */
    LocalDate earliestExpiration(UUID coiId) {
        return jdbc.queryForObject("select min(expiration_date) from insurance_coi_policies where coi_id = ?",
                LocalDate.class, coiId);
    }

    // --- deficiencies ---

    void replaceDeficiencies(UUID coiId, List<CoiDeficiency> deficiencies) {
        jdbc.update("delete from insurance_coi_deficiencies where coi_id = ?", coiId);
        int order = 0;
        for (CoiDeficiency deficiency : deficiencies) {
            jdbc.update("insert into insurance_coi_deficiencies (coi_id, sort_order, code, line, message) values "
                    + "(?, ?, ?, ?, ?)", coiId, order++, deficiency.code(), deficiency.line(), deficiency.message());
        }
    }

    Map<UUID, List<CoiDeficiency>> deficienciesOf(Collection<UUID> coiIds) {
        Map<UUID, List<CoiDeficiency>> result = new LinkedHashMap<>();
        if (coiIds.isEmpty()) {
            return result;
        }
        named.query("select * from insurance_coi_deficiencies where coi_id in (:ids) order by coi_id, sort_order",
                Map.of("ids", coiIds), rs -> {
                    result.computeIfAbsent(rs.getObject("coi_id", UUID.class), id -> new ArrayList<>())
                            .add(new CoiDeficiency(rs.getString("code"), rs.getString("line"), rs.getString("message")));
                });
        return result;
    }

    // --- overrides ---

    void saveOverride(UUID coiId, String code, String line, String reason, UUID by, Instant at) {
        deleteOverride(coiId, code, line);
        jdbc.update("insert into insurance_coi_finding_overrides (coi_id, code, line, reason, overridden_by, "
                + "overridden_at) values (?, ?, ?, ?, ?, ?)", coiId, code, line, reason, by, Timestamp.from(at));
    }

    int deleteOverride(UUID coiId, String code, String line) {
        return jdbc.update("delete from insurance_coi_finding_overrides where coi_id = ? and code = ? and line = ?",
                coiId, code, line);
    }

    List<StoredOverride> overrides(UUID coiId) {
        return jdbc.query("select * from insurance_coi_finding_overrides where coi_id = ? order by overridden_at",
                (rs, i) -> new StoredOverride(rs.getString("code"), rs.getString("line"), rs.getString("reason"),
                        rs.getObject("overridden_by", UUID.class), instant(rs, "overridden_at")), coiId);
    }

    // --- transitions ---

    void transition(UUID coiId, String from, String to, UUID actorId, String actorName, String note, Instant at) {
        jdbc.update("insert into insurance_coi_transitions (id, coi_id, from_status, to_status, actor_id, actor_name, "
                + "note, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), coiId, from, to, actorId,
                actorName, note == null ? null : abbreviate(note, 1000), Timestamp.from(at));
    }

    List<CoiTransition> transitions(UUID coiId) {
        return jdbc.query("select * from insurance_coi_transitions where coi_id = ? order by occurred_at, id",
                (rs, i) -> new CoiTransition(rs.getString("from_status"), rs.getString("to_status"),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("note"),
                        instant(rs, "occurred_at")), coiId);
    }

    private static CoiBroker broker(ResultSet rs, int row) throws SQLException {
        return new CoiBroker(rs.getString("line"), rs.getObject("broker_id", UUID.class), rs.getString("name"),
                rs.getString("company"), rs.getString("email"), rs.getString("phone"));
    }

    private static CoiPolicy policy(ResultSet rs) {
        try {
            return new CoiPolicy(rs.getObject("id", UUID.class), rs.getString("line"), rs.getString("insurer_name"),
                    rs.getString("naic"), rs.getString("policy_number"), rs.getObject("effective_date", LocalDate.class),
                    rs.getObject("expiration_date", LocalDate.class), new LinkedHashMap<>(),
                    rs.getBoolean("additional_insured"), rs.getBoolean("waiver_of_subrogation"),
                    rs.getBoolean("primary_non_contributory"), rs.getBoolean("statutory"),
                    rs.getObject("broker_id", UUID.class), instant(rs, "attested_at"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
