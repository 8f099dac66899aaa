package app.covenant.insurance.certificates;

import app.covenant.insurance.compliance.InsuranceProgram;
import app.covenant.insurance.compliance.LimitKey;
import app.covenant.insurance.compliance.ProgramTier;
import app.covenant.insurance.compliance.ProjectFacts;
import app.covenant.insurance.compliance.ProjectOverrides;
import app.covenant.insurance.compliance.Requirement;
import app.covenant.insurance.compliance.RequirementResolver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the compliance engine's {@link Requirement} for one sub on one project from the programs and projects
 * tables (read only): the project's program, or else the organization's default one; the tier of the sub's
 * trades on that project; the project's overrides (JSON of {@link ProjectOverrides}); who must be additional
 * insured (as the program's {@code ai_name_*} flags say) and the certificate holder (the project's GC).
 * Without any program nothing is required but the holder.
 */
@Component
class RequirementLoader {

    /** What the requirement was built from, for the compliance answer. */
    record Loaded(Requirement requirement, UUID programId, String programName, String tierName) {
    }

    private static final Map<String, LimitKey> BASE_COLUMNS = new LinkedHashMap<>();
    private static final Map<String, LimitKey> TIER_COLUMNS = new LinkedHashMap<>();

    static {
        BASE_COLUMNS.put("gl_each_occurrence", LimitKey.GL_EACH_OCCURRENCE);
        BASE_COLUMNS.put("gl_general_aggregate", LimitKey.GL_GENERAL_AGGREGATE);
        BASE_COLUMNS.put("gl_products_completed_aggregate", LimitKey.GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE);
        BASE_COLUMNS.put("auto_combined_single_limit", LimitKey.AUTO_COMBINED_SINGLE_LIMIT);
        BASE_COLUMNS.put("umbrella_each_occurrence", LimitKey.UMBRELLA_EACH_OCCURRENCE);
        BASE_COLUMNS.put("umbrella_aggregate", LimitKey.UMBRELLA_AGGREGATE);
        BASE_COLUMNS.put("wc_el_each_accident", LimitKey.WC_EL_EACH_ACCIDENT);
        BASE_COLUMNS.put("wc_el_disease_each_employee", LimitKey.WC_EL_DISEASE_EACH_EMPLOYEE);
        BASE_COLUMNS.put("wc_el_disease_policy_limit", LimitKey.WC_EL_DISEASE_POLICY_LIMIT);
        BASE_COLUMNS.put("professional_liability", LimitKey.PROFESSIONAL_LIABILITY);
        TIER_COLUMNS.put("gl_each_occurrence", LimitKey.GL_EACH_OCCURRENCE);
        TIER_COLUMNS.put("gl_general_aggregate", LimitKey.GL_GENERAL_AGGREGATE);
        TIER_COLUMNS.put("gl_products_completed_aggregate", LimitKey.GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE);
        TIER_COLUMNS.put("umbrella_each_occurrence", LimitKey.UMBRELLA_EACH_OCCURRENCE);
        TIER_COLUMNS.put("umbrella_aggregate", LimitKey.UMBRELLA_AGGREGATE);
    }

    private record ProgramRow(UUID id, String name, Map<LimitKey, Long> minimums, boolean wcStatutory, boolean ai,
                              boolean aiGc, boolean aiOwner, boolean aiProjectInsureds, boolean wos, boolean pnc,
                              Set<String> endorsements) {
    }

    private final JdbcTemplate jdbc;
    private final PartyRecords parties;
    private final JsonMapper json = JsonMapper.builder().build();

    RequirementLoader(JdbcTemplate jdbc, PartyRecords parties) {
        this.jdbc = jdbc;
        this.parties = parties;
    }

    Loaded load(UUID projectId, UUID subId) {
        PartyRecords.Project project = parties.project(projectId).orElseThrow();
        Optional<ProgramRow> program = program(project);
        List<String> trades = jdbc.queryForList("select t.trade from insurance_assignment_trades t join "
                + "insurance_project_assignments a on a.id = t.assignment_id where a.project_id = ? and a.sub_id = ? "
                + "order by t.trade_key", String.class, projectId, subId);
        List<String> projectInsureds = jdbc.queryForList("select name from insurance_project_additional_insureds "
                + "where project_id = ? order by sort_order", String.class, projectId);
        if (program.isEmpty()) {
            return new Loaded(new Requirement(Map.of(), false, false, List.of(), false, false, project.gcName(), Set.of(),
                    project.endDate()), null, null, null);
        }
        ProgramRow row = program.get();
        InsuranceProgram engineProgram = new InsuranceProgram(row.name(), row.minimums(), row.wcStatutory(), row.ai(),
                row.wos(), row.pnc(), row.endorsements(), tiers(row.id()));
        ProjectFacts facts = new ProjectFacts(row.aiGc() ? project.gcName() : null,
                row.aiOwner() ? project.ownerEntity() : null, row.aiProjectInsureds() ? projectInsureds : List.of(),
                project.gcName(), project.endDate());
        Requirement requirement = RequirementResolver.resolve(engineProgram, trades, facts,
                overrides(project.programOverrides()));
        String tier = RequirementResolver.tierFor(engineProgram, trades).map(ProgramTier::name).orElse(null);
        return new Loaded(requirement, row.id(), row.name(), tier);
    }

    private Optional<ProgramRow> program(PartyRecords.Project project) {
        String select = "select * from insurance_programs where ";
        List<ProgramRow> rows = project.programId() != null
                ? jdbc.query(select + "id = ?", RequirementLoader::programRow, project.programId())
                : jdbc.query(select + "organization_id = ? and is_default = true order by created_at limit 1",
                        RequirementLoader::programRow, project.organizationId());
        return rows.stream().findFirst();
    }

    private List<ProgramTier> tiers(UUID programId) {
        Map<UUID, Set<String>> trades = new LinkedHashMap<>();
        jdbc.query("select tier_id, trade from insurance_program_tier_trades where program_id = ?", rs -> {
            trades.computeIfAbsent(rs.getObject("tier_id", UUID.class), id -> new LinkedHashSet<>())
                    .add(rs.getString("trade"));
        }, programId);
        return jdbc.query("select * from insurance_program_tiers where program_id = ? order by sort_order",
                (rs, i) -> new ProgramTier(rs.getString("name"), minimums(rs, TIER_COLUMNS),
                        trades.getOrDefault(rs.getObject("id", UUID.class), Set.of()), rs.getBoolean("all_other_trades")),
                programId);
    }

    private ProjectOverrides overrides(String text) {
        if (text == null || text.isBlank()) {
            return ProjectOverrides.NONE;
        }
        JsonNode node = json.readTree(text);
        Map<LimitKey, Long> minimums = new EnumMap<>(LimitKey.class);
        JsonNode given = node.path("minimums");
        if (given.isObject()) {
            for (LimitKey key : LimitKey.values()) {
                JsonNode value = given.get(key.name());
                if (value != null && value.isNumber()) {
                    minimums.put(key, value.asLong());
                }
            }
        }
        return new ProjectOverrides(minimums, flag(node, "wcStatutoryRequired"), flag(node, "additionalInsuredRequired"),
                flag(node, "waiverOfSubrogationRequired"), flag(node, "primaryNonContributoryRequired"));
    }

    private static Boolean flag(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || !value.isBoolean() ? null : value.asBoolean();
    }

    private static ProgramRow programRow(ResultSet rs, int row) throws SQLException {
        String endorsements = rs.getString("required_endorsements");
        Set<String> forms = new LinkedHashSet<>();
        if (endorsements != null) {
            Arrays.stream(endorsements.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(forms::add);
        }
        return new ProgramRow(rs.getObject("id", UUID.class), rs.getString("name"), minimums(rs, BASE_COLUMNS),
                rs.getBoolean("wc_statutory_required"), rs.getBoolean("ai_required"), rs.getBoolean("ai_name_gc"),
                rs.getBoolean("ai_name_owner"), rs.getBoolean("ai_name_project_insureds"), rs.getBoolean("wos_required"),
                rs.getBoolean("pnc_required"), forms);
    }

    private static Map<LimitKey, Long> minimums(ResultSet rs, Map<String, LimitKey> columns) throws SQLException {
        Map<LimitKey, Long> minimums = new EnumMap<>(LimitKey.class);
        for (Map.Entry<String, LimitKey> column : columns.entrySet()) {
            long value = rs.getLong(column.getKey());
            if (!rs.wasNull()) {
                minimums.put(column.getValue(), value);
            }
        }
        return minimums;
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
