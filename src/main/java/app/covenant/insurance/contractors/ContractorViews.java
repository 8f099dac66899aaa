package app.covenant.insurance.contractors;

import app.covenant.insurance.InsuranceStatus;
import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.web.SqlQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Contractors as the caller may see them (InsuranceViewer in every query), with their computed insurance
 * status (no standing row: PENDING), trades and GCs — children loaded for a whole page in one query each.
 */
@Component
class ContractorViews {

    static final Map<String, String> SORT_COLUMNS = Map.of("name", "k.name", "type", "k.type", "status", "k.status",
            "createdAt", "k.created_at", "updatedAt", "k.updated_at", "insuranceStatus", "insurance_status");

    private static final String SELECT = "select k.id, k.type, k.name, k.contact_email, k.phone, k.address, k.status, "
            + "k.assigned_admin_email, k.created_at, k.updated_at, coalesce(st.insurance_status, 'PENDING') insurance_status "
            + "from insurance_contractors k left join insurance_contractor_standing st on st.contractor_id = k.id";
    private static final String COUNT = "select count(*) from insurance_contractors k "
            + "left join insurance_contractor_standing st on st.contractor_id = k.id";

    private final JdbcTemplate jdbc;

    ContractorViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Page<ContractorView> list(InsuranceViewer viewer, ContractorFilter filter, Pageable page) {
        SqlQuery query = new SqlQuery(viewer.contractors("k"));
        if (filter.type() != null) {
            query.and("k.type = ?", filter.type().name());
        }
        if (filter.status() != null) {
            query.and("k.status = ?", filter.status().name());
        }
        if (filter.insuranceStatus() != null) {
            query.and("coalesce(st.insurance_status, 'PENDING') = ?", filter.insuranceStatus().name());
        }
        if (filter.tradeKey() != null) {
            query.and("exists (select 1 from insurance_contractor_trades t where t.contractor_id = k.id and t.trade_key = ?)",
                    filter.tradeKey());
        }
        if (filter.q() != null) {
            String like = SqlQuery.contains(filter.q());
            query.and("lower(k.name) like ? or k.contact_email like ?", like, like);
        }
        long total = jdbc.queryForObject(COUNT + query.where(), Long.class, query.args());
        List<Row> rows = jdbc.query(SELECT + query.where() + SqlQuery.orderAndPage(page, SORT_COLUMNS, "k.id"),
                ContractorViews::row, query.pageArgs(page));
        return new PageImpl<>(complete(rows), page, total);
    }

    Optional<ContractorView> find(InsuranceViewer viewer, UUID id) {
        SqlQuery query = new SqlQuery(viewer.contractors("k")).and("k.id = ?", id);
        return complete(jdbc.query(SELECT + query.where(), ContractorViews::row, query.args())).stream().findFirst();
    }

    /** Visible GCs of the caller's organization for a picker (a GC's people: their own). */
    List<ContractorView> generalContractors(InsuranceViewer viewer, UUID organizationId) {
        SqlQuery query = new SqlQuery(viewer.contractors("k")).and("k.organization_id = ?", organizationId)
                .and("k.type = 'GENERAL_CONTRACTOR'");
        return complete(jdbc.query(SELECT + query.where() + " order by k.name, k.id limit 500", ContractorViews::row,
                query.args()));
    }

    /** The subs of a GC (a GC's page), visible to the caller. */
    List<ContractorView> subsOf(InsuranceViewer viewer, UUID gcId) {
        SqlQuery query = new SqlQuery(viewer.contractors("k"))
                .and("k.id in (select gs.sub_id from insurance_gc_subcontractors gs where gs.gc_id = ?)", gcId);
        return complete(jdbc.query(SELECT + query.where() + " order by k.name, k.id limit 500", ContractorViews::row,
                query.args()));
    }

    /** Visible active subs of an organization, for the "assign a sub" picker. */
    List<ContractorView> subcontractors(InsuranceViewer viewer, UUID organizationId) {
        SqlQuery query = new SqlQuery(viewer.contractors("k")).and("k.organization_id = ?", organizationId)
                .and("k.type = 'SUBCONTRACTOR'").and("k.status <> 'INACTIVE'");
        return complete(jdbc.query(SELECT + query.where() + " order by k.name, k.id limit 500", ContractorViews::row,
                query.args()));
    }

    private List<ContractorView> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<String>> trades = new LinkedHashMap<>();
        jdbc.query("select contractor_id, trade from insurance_contractor_trades where contractor_id in ("
                        + SqlQuery.placeholders(ids) + ") order by trade_key",
                rs -> {
                    trades.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                }, ids.toArray());
        Map<UUID, List<UUID>> gcs = new LinkedHashMap<>();
        jdbc.query("select sub_id, gc_id from insurance_gc_subcontractors where sub_id in (" + SqlQuery.placeholders(ids)
                        + ") order by created_at, gc_id",
                rs -> {
                    gcs.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                }, ids.toArray());
        return rows.stream().map(r -> new ContractorView(r.id, r.type, r.name, r.contactEmail, r.phone, r.address,
                trades.getOrDefault(r.id, List.of()), r.status, r.insuranceStatus, r.assignedAdminEmail,
                gcs.getOrDefault(r.id, List.of()), r.createdAt.toInstant(), r.updatedAt.toInstant())).toList();
    }

    private record Row(UUID id, ContractorType type, String name, String contactEmail, String phone, String address,
                       ContractorStatus status, String assignedAdminEmail, Timestamp createdAt, Timestamp updatedAt,
                       InsuranceStatus insuranceStatus) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), ContractorType.valueOf(rs.getString("type")),
                rs.getString("name"), rs.getString("contact_email"), rs.getString("phone"), rs.getString("address"),
                ContractorStatus.valueOf(rs.getString("status")), rs.getString("assigned_admin_email"),
                rs.getTimestamp("created_at"), rs.getTimestamp("updated_at"),
                InsuranceStatus.valueOf(rs.getString("insurance_status")));
    }
}
