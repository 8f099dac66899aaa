package app.covenant.insurance.reports;

import app.covenant.insurance.access.SqlPredicate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/** A {@code where} clause built from conditions joined by {@code and}, with the values of their placeholders in order. */
final class Conditions {

    private final StringJoiner sql = new StringJoiner(" and ");
    private final List<Object> args = new ArrayList<>();

    Conditions add(String condition, Object... values) {
        sql.add(condition);
        args.addAll(List.of(values));
        return this;
    }

    Conditions add(SqlPredicate predicate) {
        sql.add("(" + predicate.sql() + ")");
        args.addAll(predicate.args());
        return this;
    }

    /** {@code column in (?, ?, …)} over {@code values} (never empty). */
    Conditions in(String column, Collection<String> values) {
        sql.add(column + " in (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")");
        args.addAll(values);
        return this;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> args() {
        return List.copyOf(args);
    }

    /** The arguments followed by {@code more} (a page's limit and offset). */
    Object[] argsAnd(Object... more) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
