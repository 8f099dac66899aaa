package app.covenant.insurance.reports;

import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The report "certificate reading accuracy by producer": of the ACORD 25s read ({@code EXTRACTED}) on the
 * certificates the caller sees in their current organization, per producer (the agency named on the certificate),
 * how many certificates and fields were read and how many of those fields people corrected — accuracy is
 * 1 − corrected / read — split by how they were read (form fields, page text, OCR), with the last reading. One grouped
 * query over producer and method; the producers and the totals are summed from its few rows.
 */
@Component
public class ExtractionAccuracy {

    /** How a certificate was read, as stored. */
    public enum Method {
        ACROFORM, TEXT, OCR
    }

    /** Certificates and fields read, fields corrected; {@code accuracy} is null when no field was read. */
    public record Figures(long certificatesRead, long fieldsRead, long fieldsCorrected, Double accuracy) {

        static Figures of(long certificates, long read, long corrected) {
            // A correction of a field the reading left out counts against it too, so accuracy stops at 0.
            Double accuracy = read == 0 ? null : Math.max(0, 1 - (double) corrected / read);
            return new Figures(certificates, read, corrected, accuracy);
        }

        Figures plus(Figures other) {
            return of(certificatesRead + other.certificatesRead, fieldsRead + other.fieldsRead,
                    fieldsCorrected + other.fieldsCorrected);
        }
    }

    /** One producer; {@code producer} is null for certificates whose producer could not be read. */
    public record ProducerRow(String producer, long certificatesRead, long fieldsRead, long fieldsCorrected, Double accuracy,
                       Map<Method, Figures> byMethod, Instant lastReadAt) {
    }

    /** The whole report: the period asked for (either end may be open), every producer, and the totals. */
    public record Report(LocalDate from, LocalDate to, List<ProducerRow> producers, Figures totals,
                  Map<Method, Figures> totalsByMethod) {
    }

    private static final Figures NONE = new Figures(0, 0, 0, null);

    private static final String SQL = "select e.producer, e.method, count(*) certificates,"
            + " coalesce(sum(e.fields_read), 0) fields_read, coalesce(sum(k.corrected), 0) corrected,"
            + " max(coalesce(e.finished_at, e.started_at)) last_read"
            + " from insurance_coi_extractions e"
            + " join insurance_cois c on c.id = e.coi_id"
            + " left join (select x.document_id, count(*) corrected from insurance_extraction_corrections x"
            + " where x.organization_id = ? group by x.document_id) k on k.document_id = e.document_id"
            + " where %s group by e.producer, e.method";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ExtractionAccuracy(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param from first day of readings counted (the application's time zone), or null for no start
     * @param to   last day counted, or null for no end
     * @throws ProblemException 400 when {@code from} is after {@code to}
     */
    public Report report(Caller caller, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        Conditions where = new Conditions().add("e.organization_id = ?", caller.organizationId())
                .add("c.organization_id = ?", caller.organizationId())
                .add("e.status = 'EXTRACTED'")
                .add(new InsuranceViewer(caller).cois("c"));
        if (from != null) {
            where.add("e.started_at >= ?", startOf(from));
        }
        if (to != null) {
            where.add("e.started_at < ?", startOf(to.plusDays(1)));
        }
        List<Object> args = new ArrayList<>();
        args.add(caller.organizationId());
        args.addAll(where.args());
        Map<String, Producer> producers = new LinkedHashMap<>();
        jdbc.query(SQL.formatted(where.sql()), (ResultSet rs) -> {
            String producer = rs.getString("producer");
            producers.computeIfAbsent(producer == null ? "" : producer, key -> new Producer(producer)).add(rs);
        }, args.toArray());
        List<ProducerRow> rows = producers.values().stream().map(Producer::row)
                .sorted(Comparator.comparingLong(ProducerRow::certificatesRead).reversed()
                        .thenComparing(ProducerRow::producer, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)))
                .toList();
        Figures totals = NONE;
        Map<Method, Figures> totalsByMethod = new EnumMap<>(Method.class);
        for (ProducerRow row : rows) {
            totals = totals.plus(new Figures(row.certificatesRead(), row.fieldsRead(), row.fieldsCorrected(), null));
            row.byMethod().forEach((method, figures) -> totalsByMethod.merge(method, figures, Figures::plus));
        }
        return new Report(from, to, rows, totals, Collections.unmodifiableMap(totalsByMethod));
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }

    /** A producer's figures as its rows (one per method) come in. */
    private static final class Producer {

        private final String name;
        private final Map<Method, Figures> byMethod = new EnumMap<>(Method.class);
        private Figures all = NONE;
        private Instant lastReadAt;

        Producer(String name) {
            this.name = name;
        }

        void add(ResultSet rs) throws SQLException {
            Figures figures = Figures.of(rs.getLong("certificates"), rs.getLong("fields_read"), rs.getLong("corrected"));
            String method = rs.getString("method");
            if (method != null) {
                byMethod.merge(Method.valueOf(method), figures, Figures::plus);
            }
            all = all.plus(figures);
            OffsetDateTime last = rs.getObject("last_read", OffsetDateTime.class);
            if (last != null && (lastReadAt == null || last.toInstant().isAfter(lastReadAt))) {
                lastReadAt = last.toInstant();
            }
        }

        ProducerRow row() {
            return new ProducerRow(name, all.certificatesRead(), all.fieldsRead(), all.fieldsCorrected(), all.accuracy(),
                    Collections.unmodifiableMap(new EnumMap<>(byMethod)), lastReadAt);
        }
    }
}
