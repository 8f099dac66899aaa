package app.covenant.insurance.programs;

import app.covenant.insurance.compliance.LimitKey;
import app.covenant.insurance.compliance.ProgramTier;
import app.covenant.insurance.compliance.Trades;
import app.covenant.insurance.web.SqlQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The program tables, through JdbcTemplate: a program is always written whole — its row, then its tiers
 * and tier trades deleted and inserted again in order. (As a JPA aggregate, Hibernate's flush order —
 * inserts before deletes — would break the unique tier positions and the one-tier-per-trade key the moment
 * a trade moved between tiers.) Minimums are stored as whole-dollar bigints, null when not required.
 */
@Component
class ProgramRows {

    /** The program table's column for each base minimum. */
    static final Map<LimitKey, String> COLUMNS = columns();
    /** The tier table's columns (GL and umbrella only). */
    static final Map<LimitKey, String> TIER_COLUMNS = tierColumns();

    private final JdbcTemplate jdbc;

    ProgramRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID organizationId, ProgramRequest program, boolean isDefault, Instant now) {
        List<String> columns = new ArrayList<>(List.of("id", "organization_id", "is_default", "created_at"));
        List<Object> values = new ArrayList<>(List.of(id, organizationId, isDefault, Timestamp.from(now)));
        fields(program, now, columns, values);
        jdbc.update("insert into insurance_programs (" + String.join(", ", columns) + ") values ("
                + SqlQuery.placeholders(columns) + ")", values.toArray());
        insertTiers(id, program.programTiers());
    }

    void update(UUID id, ProgramRequest program, Instant now) {
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        fields(program, now, columns, values);
        values.add(id);
        jdbc.update("update insurance_programs set " + String.join(" = ?, ", columns) + " = ?, version = version + 1 "
                + "where id = ?", values.toArray());
        jdbc.update("delete from insurance_program_tier_trades where program_id = ?", id);
        jdbc.update("delete from insurance_program_tiers where program_id = ?", id);
        insertTiers(id, program.programTiers());
    }

    /** Makes {@code id} the organization's one default program. */
    void makeDefault(UUID organizationId, UUID id) {
        jdbc.update("update insurance_programs set is_default = false where organization_id = ? and id <> ? "
                + "and is_default = true", organizationId, id);
        jdbc.update("update insurance_programs set is_default = true where id = ?", id);
    }

    void delete(UUID id) {
        jdbc.update("delete from insurance_programs where id = ?", id);
    }

    long projectsUsing(UUID id) {
        return jdbc.queryForObject("select count(*) from insurance_projects where program_id = ?", Long.class, id);
    }

    /** Ids of the programs the caller's condition allows, for a page. */
    List<ProgramView> list(String condition, Object[] args, int limit, long offset) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = limit;
        all[args.length + 1] = offset;
        return complete(jdbc.query("select * from insurance_programs pr where " + condition
                + " order by pr.is_default desc, pr.name, pr.id limit ? offset ?", ProgramRows::row, all));
    }

    long count(String condition, Object[] args) {
        return jdbc.queryForObject("select count(*) from insurance_programs pr where " + condition, Long.class, args);
    }

    Optional<ProgramView> find(String condition, Object[] args, UUID id) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = id;
        return complete(jdbc.query("select * from insurance_programs pr where " + condition + " and pr.id = ?",
                ProgramRows::row, all)).stream().findFirst();
    }

    UUID organizationOf(UUID id) {
        return jdbc.queryForObject("select organization_id from insurance_programs where id = ?", UUID.class, id);
    }

    /** The statistics of every program the condition allows, in one grouped query. */
    List<ProgramView.Stats> stats(String condition, Object[] args) {
        return jdbc.query("select pr.id, pr.name, pr.is_default, count(distinct pj.id) projects, "
                + "count(distinct pa.sub_id) subs, "
                + "count(distinct case when st.insurance_status = 'COMPLIANT' then pa.sub_id end) compliant, "
                + "count(distinct case when st.insurance_status in ('NON_COMPLIANT', 'EXPIRED') then pa.sub_id end) "
                + "non_compliant, "
                + "count(distinct case when st.insurance_status is null or st.insurance_status = 'PENDING' "
                + "then pa.sub_id end) pending "
                + "from insurance_programs pr left join insurance_projects pj on pj.organization_id = pr.organization_id "
                + "and (pj.program_id = pr.id or (pj.program_id is null and pr.is_default = true)) "
                + "left join insurance_project_assignments pa on pa.project_id = pj.id "
                + "left join insurance_contractor_standing st on st.contractor_id = pa.sub_id where " + condition
                + " group by pr.id, pr.name, pr.is_default order by pr.is_default desc, pr.name, pr.id limit 500",
                (rs, n) -> new ProgramView.Stats(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)), args);
    }

    private void insertTiers(UUID programId, List<ProgramTier> tiers) {
        for (int i = 0; i < tiers.size(); i++) {
            ProgramTier tier = tiers.get(i);
            UUID tierId = UUID.randomUUID();
            List<String> columns = new ArrayList<>(List.of("id", "program_id", "sort_order", "name", "all_other_trades"));
            List<Object> values = new ArrayList<>(List.of(tierId, programId, i, tier.name(), tier.allOtherTrades()));
            TIER_COLUMNS.forEach((key, column) -> {
                columns.add(column);
                values.add(tier.minimums().get(key));
            });
            jdbc.update("insert into insurance_program_tiers (" + String.join(", ", columns) + ") values ("
                    + SqlQuery.placeholders(columns) + ")", values.toArray());
            Map<String, String> trades = new LinkedHashMap<>();
            tier.trades().stream().sorted().forEach(t -> trades.putIfAbsent(Trades.key(t), t.strip().replaceAll("\\s+", " ")));
            trades.forEach((key, trade) -> jdbc.update("insert into insurance_program_tier_trades (program_id, tier_id, "
                    + "trade, trade_key) values (?, ?, ?, ?)", programId, tierId, trade, key));
        }
    }

    private static void fields(ProgramRequest program, Instant now, List<String> columns, List<Object> values) {
        Map<LimitKey, Long> minimums = program.minimumsOrNone();
        COLUMNS.forEach((key, column) -> {
            columns.add(column);
            values.add(minimums.get(key));
        });
        Object[][] fields = {
                {"name", program.name().strip()},
                {"description", program.description() == null || program.description().isBlank() ? null
                        : program.description().strip()},
                {"wc_statutory_required", ProgramRequest.on(program.wcStatutoryRequired())},
                {"ai_required", ProgramRequest.on(program.additionalInsuredRequired())},
                {"ai_name_gc", program.aiNameGc() == null || program.aiNameGc()},
                {"ai_name_owner", program.aiNameOwner() == null || program.aiNameOwner()},
                {"ai_name_project_insureds", program.aiNameProjectInsureds() == null || program.aiNameProjectInsureds()},
                {"wos_required", ProgramRequest.on(program.waiverOfSubrogationRequired())},
                {"pnc_required", ProgramRequest.on(program.primaryNonContributoryRequired())},
                {"hold_harmless_required", ProgramRequest.on(program.holdHarmlessRequired())},
                {"hold_harmless_template", program.holdHarmlessTemplate() == null || program.holdHarmlessTemplate().isBlank()
                        ? null : program.holdHarmlessTemplate().strip()},
                {"minimum_carrier_rating", program.carrierRating()},
                {"required_endorsements", program.endorsements().isEmpty() ? null : String.join(",", program.endorsements())},
                {"updated_at", Timestamp.from(now)}};
        for (Object[] field : fields) {
            columns.add((String) field[0]);
            values.add(field[1]);
        }
    }

    private List<ProgramView> complete(List<ProgramView> programs) {
        if (programs.isEmpty()) {
            return programs;
        }
        List<UUID> ids = programs.stream().map(ProgramView::id).toList();
        Map<UUID, List<ProgramView.TierView>> tiers = new LinkedHashMap<>();
        Map<UUID, List<String>> trades = new LinkedHashMap<>();
        jdbc.query("select tier_id, trade from insurance_program_tier_trades where program_id in ("
                + SqlQuery.placeholders(ids) + ") order by trade_key", rs -> {
                    trades.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                }, ids.toArray());
        jdbc.query("select * from insurance_program_tiers where program_id in (" + SqlQuery.placeholders(ids)
                + ") order by program_id, sort_order", rs -> {
                    UUID tierId = rs.getObject("id", UUID.class);
                    tiers.computeIfAbsent(rs.getObject("program_id", UUID.class), k -> new ArrayList<>())
                            .add(new ProgramView.TierView(tierId, rs.getString("name"), amounts(rs, TIER_COLUMNS),
                                    trades.getOrDefault(tierId, List.of()), rs.getBoolean("all_other_trades")));
                }, ids.toArray());
        return programs.stream().map(p -> new ProgramView(p.id(), p.name(), p.description(), p.isDefault(), p.minimums(),
                p.wcStatutoryRequired(), p.additionalInsuredRequired(), p.aiNameGc(), p.aiNameOwner(),
                p.aiNameProjectInsureds(), p.waiverOfSubrogationRequired(), p.primaryNonContributoryRequired(),
                p.holdHarmlessRequired(), p.holdHarmlessTemplate(), p.minimumCarrierRating(), p.requiredEndorsements(),
                tiers.getOrDefault(p.id(), List.of()), p.createdAt(), p.updatedAt())).toList();
    }

    private static ProgramView row(ResultSet rs, int n) throws SQLException {
        String endorsements = rs.getString("required_endorsements");
        return new ProgramView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getBoolean("is_default"), amounts(rs, COLUMNS), rs.getBoolean("wc_statutory_required"),
                rs.getBoolean("ai_required"), rs.getBoolean("ai_name_gc"), rs.getBoolean("ai_name_owner"),
                rs.getBoolean("ai_name_project_insureds"), rs.getBoolean("wos_required"), rs.getBoolean("pnc_required"),
                rs.getBoolean("hold_harmless_required"), rs.getString("hold_harmless_template"),
                rs.getString("minimum_carrier_rating"),
                endorsements == null ? List.of() : List.of(endorsements.split(",")), List.of(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static Map<LimitKey, Long> amounts(ResultSet rs, Map<LimitKey, String> columns) throws SQLException {
        Map<LimitKey, Long> amounts = new EnumMap<>(LimitKey.class);
        for (Map.Entry<LimitKey, String> column : columns.entrySet()) {
            long value = rs.getLong(column.getValue());
            if (!rs.wasNull()) {
                amounts.put(column.getKey(), value);
            }
        }
        return amounts;
    }

    private static Map<LimitKey, String> columns() {
        Map<LimitKey, String> columns = new EnumMap<>(LimitKey.class);
        columns.put(LimitKey.GL_EACH_OCCURRENCE, "gl_each_occurrence");
        columns.put(LimitKey.GL_GENERAL_AGGREGATE, "gl_general_aggregate");
        columns.put(LimitKey.GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE, "gl_products_completed_aggregate");
        columns.put(LimitKey.AUTO_COMBINED_SINGLE_LIMIT, "auto_combined_single_limit");
        columns.put(LimitKey.UMBRELLA_EACH_OCCURRENCE, "umbrella_each_occurrence");
        columns.put(LimitKey.UMBRELLA_AGGREGATE, "umbrella_aggregate");
        columns.put(LimitKey.WC_EL_EACH_ACCIDENT, "wc_el_each_accident");
        columns.put(LimitKey.WC_EL_DISEASE_EACH_EMPLOYEE, "wc_el_disease_each_employee");
        columns.put(LimitKey.WC_EL_DISEASE_POLICY_LIMIT, "wc_el_disease_policy_limit");
        columns.put(LimitKey.PROFESSIONAL_LIABILITY, "professional_liability");
        return columns;
    }

    private static Map<LimitKey, String> tierColumns() {
        Map<LimitKey, String> columns = new EnumMap<>(LimitKey.class);
        columns.put(LimitKey.GL_EACH_OCCURRENCE, "gl_each_occurrence");
        columns.put(LimitKey.GL_GENERAL_AGGREGATE, "gl_general_aggregate");
        columns.put(LimitKey.GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE, "gl_products_completed_aggregate");
        columns.put(LimitKey.UMBRELLA_EACH_OCCURRENCE, "umbrella_each_occurrence");
        columns.put(LimitKey.UMBRELLA_AGGREGATE, "umbrella_aggregate");
        return columns;
    }
}
