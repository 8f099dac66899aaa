package app.covenant.reminders.internal;

import app.covenant.shared.persistence.DatabaseProduct;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The few bits of the run's SQL that PostgreSQL and H2 (the embedded default) spell differently: date arithmetic,
 * date formatting and the duplicate-skipping insert. Everything else is common SQL.
 */
@Component
class SqlDates {

    private final boolean postgres;

    SqlDates(JdbcTemplate jdbc) {
        this.postgres = new DatabaseProduct(jdbc).postgres();
    }

    boolean postgres() {
        return postgres;
    }

    /** Whole days from {@code from} to {@code to} (both date expressions). */
    String daysBetween(String from, String to) {
        return postgres ? "(" + to + " - " + from + ")" : "datediff('DAY', " + from + ", " + to + ")";
    }

    /** A date expression written out in English, e.g. {@code 13 December 2026} (as {@code d MMMM yyyy}). */
    String longDate(String date) {
        return postgres ? "to_char(" + date + ", 'FMDD FMMonth YYYY')" : "formatdatetime(" + date + ", 'd MMMM yyyy', 'en')";
    }

    /** {@code date} plus {@code days} (an integer expression, may be negative). */
    String plusDays(String date, String days) {
        return postgres ? "(" + date + " + " + days + ")" : "dateadd('DAY', " + days + ", " + date + ")";
    }
}
