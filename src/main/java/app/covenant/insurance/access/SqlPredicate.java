package app.covenant.insurance.access;

import java.util.List;

/** A condition to put in a {@code where} clause, with the values of its {@code ?} placeholders in order. */
public record SqlPredicate(String sql, List<Object> args) {

    public SqlPredicate {
        args = List.copyOf(args);
    }

    static SqlPredicate of(String sql, Object... args) {
        return new SqlPredicate(sql, List.of(args));
    }
}
