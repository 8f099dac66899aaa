package app.covenant.audit.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pages of the audit log, newest first, always within the reader's {@link AuditScope}. Each filter
 * has an index ending in {@code occurred_at}, which also serves the order.
 */
@Service
public class AuditSearch {

    public static final int MAX_PAGE_SIZE = 100;

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditJson json;

    AuditSearch(NamedParameterJdbcTemplate jdbc, AuditJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Page<AuditLogEntry> search(AuditScope scope, AuditFilter filter, Pageable pageable) {
        Pageable page = PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), MAX_PAGE_SIZE));
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = where(scope, filter, parameters);
        long total = jdbc.queryForObject("SELECT count(*) FROM audit_log" + where, parameters, Long.class);
        if (total <= page.getOffset()) {
            return new PageImpl<>(List.of(), page, total);
        }
        // Only the direction of the time order is the caller's to choose; ids break ties in chain order.
        String direction = oldestFirst(pageable.getSort()) ? "ASC" : "DESC";
        parameters.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        List<AuditLogEntry> content = jdbc.query("SELECT " + AuditRow.COLUMNS + " FROM audit_log" + where
                        + " ORDER BY occurred_at " + direction + ", id " + direction + " LIMIT :limit OFFSET :offset",
                parameters, (rs, n) -> view(AuditRows.map(rs, n)));
        return new PageImpl<>(content, page, total);
    }

    /**
     * What the reader's entries hold, for the filter pickers: the actions of each module and the kinds of
     * record, in two queries.
     */
    @Transactional(readOnly = true)
    public FilterChoices choices(AuditScope scope) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = where(scope, AuditFilter.none(), parameters);
        Map<String, List<String>> actions = new TreeMap<>();
        jdbc.query("SELECT DISTINCT module, action FROM audit_log" + where, parameters,
                rs -> {
                    actions.computeIfAbsent(rs.getString(1), module -> new ArrayList<>()).add(rs.getString(2));
                });
        actions.values().forEach(list -> list.sort(null));
        List<String> types = jdbc.queryForList("SELECT DISTINCT target_type FROM audit_log" + where
                + (where.isEmpty() ? " WHERE" : " AND") + " target_type IS NOT NULL", parameters, String.class)
                .stream().sorted().toList();
        return new FilterChoices(actions, types);
    }

    /** The values the audit log's filters can take for one reader. */
    public record FilterChoices(Map<String, List<String>> actionsByModule, List<String> targetTypes) {
    }

    private static String where(AuditScope scope, AuditFilter filter, MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>();
        if (scope.organizationId() != null) {
            conditions.add("organization_id = :organizationId");
            parameters.addValue("organizationId", scope.organizationId());
        }
        if (!scope.legal()) {
            conditions.add("visibility <> 'LEGAL_ONLY'");
        }
        add(conditions, parameters, "module = :module", "module", blankToNull(filter.module()));
        add(conditions, parameters, "action = :action", "action", blankToNull(filter.action()));
        add(conditions, parameters, "actor_id = :userId", "userId", filter.userId());
        add(conditions, parameters, "target_type = :targetType", "targetType", blankToNull(filter.targetType()));
        add(conditions, parameters, "target_id = :targetId", "targetId", blankToNull(filter.targetId()));
        add(conditions, parameters, "occurred_at >= :from", "from",
                filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC));
        add(conditions, parameters, "occurred_at < :to", "to",
                filter.to() == null ? null : filter.to().atOffset(ZoneOffset.UTC));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void add(List<String> conditions, MapSqlParameterSource parameters, String condition,
                            String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.addValue(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean oldestFirst(Sort sort) {
        Sort.Order order = sort.getOrderFor("occurredAt");
        return order != null && order.isAscending();
    }

    private AuditLogEntry view(AuditRow row) {
        return new AuditLogEntry(row.id(), row.occurredAt(), row.organizationId(), row.actorId(), row.actorEmail(),
                row.module(), row.action(), row.targetType(), row.targetId(), json.read(row.beforeJson()),
                json.read(row.afterJson()), row.ipAddress(), row.userAgent(), row.correlationId(), row.visibility(),
                row.hash());
    }
}
