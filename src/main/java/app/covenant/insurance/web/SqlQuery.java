package app.covenant.insurance.web;

import app.covenant.insurance.access.SqlPredicate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A {@code where} clause built from optional filters, with its positional arguments in order, and the
 * {@code order by … limit … offset} of a page — so the list and its count share one condition.
 */
public final class SqlQuery {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();

    public SqlQuery(SqlPredicate visible) {
        and(visible.sql(), visible.args().toArray());
    }

    public SqlQuery and(String condition, Object... values) {
        conditions.add("(" + condition + ")");
        Collections.addAll(args, values);
        return this;
    }

    public String where() {
        return " where " + String.join(" and ", conditions);
    }

    public Object[] args() {
        return args.toArray();
    }

    /** The arguments followed by the page's limit and offset. */
    public Object[] pageArgs(Pageable page) {
        List<Object> all = new ArrayList<>(args);
        all.add(page.getPageSize());
        all.add(page.getOffset());
        return all.toArray();
    }

    /** {@code order by} the page's sort, each property mapped to its column, then {@code tieBreaker}; then limit/offset. */
    public static String orderAndPage(Pageable page, Map<String, String> columns, String tieBreaker) {
        List<String> order = new ArrayList<>();
        for (Sort.Order o : page.getSort()) {
            order.add(columns.get(o.getProperty()) + (o.isAscending() ? " asc" : " desc"));
        }
        order.add(tieBreaker);
        return " order by " + String.join(", ", order) + " limit ? offset ?";
    }

    /** {@code ?, ?, ?} for an {@code in (…)} list (never empty: callers skip the query for no ids). */
    public static String placeholders(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }

    /** A {@code like} pattern for a case-insensitive "contains" on a lower-cased column, wildcards escaped. */
    public static String contains(String text) {
        return "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
