package app.covenant.insurance.reports;

import app.covenant.shared.security.Caller;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The reports as CSV attachments (RFC 4180 through Apache Commons CSV), every row of the report
 * written as it is read from the database cursor, each text cell guarded against formula injection.
 */
@Component
class ReportCsv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final String[] NON_COMPLIANT_HEADER = {"Project", "General contractor", "Subcontractor",
            "Insurance status", "Latest certificate status", "Latest certificate", "Deficiencies", "Assigned admin"};
    private static final String[] EXPIRING_HEADER = {"Expiration date", "Days left", "Project", "Subcontractor", "Line",
            "Policy number", "Insurer", "Broker", "Broker e-mail", "Certificate"};
    private static final String[] ACCURACY_HEADER = {"Producer", "Certificates read", "Fields read", "Fields corrected",
            "Accuracy", "Read from form fields", "Read from page text", "Read by OCR", "Last read"};

    private final NonCompliantSubs nonCompliant;
    private final ExpiringPolicies expiring;
    private final ExtractionAccuracy accuracy;
    private final Clock clock;

    ReportCsv(NonCompliantSubs nonCompliant, ExpiringPolicies expiring, ExtractionAccuracy accuracy, Clock clock) {
        this.nonCompliant = nonCompliant;
        this.expiring = expiring;
        this.accuracy = accuracy;
        this.clock = clock;
    }

    ResponseEntity<StreamingResponseBody> nonCompliant(Caller caller, ReportFilter filter) {
        return attachment("non-compliant-subcontractors-" + LocalDate.now(clock) + ".csv", NON_COMPLIANT_HEADER,
                printer -> nonCompliant.forEach(caller, filter, row -> print(printer, row.projectName(), row.gcName(),
                        row.subcontractorName(), row.insuranceStatus(), row.coiStatus(), row.coiId(),
                        row.deficiencies(), row.assignedAdminEmail())));
    }

    ResponseEntity<StreamingResponseBody> expiring(Caller caller, int days, ReportFilter filter) {
        return attachment("policies-expiring-" + days + "-days-" + LocalDate.now(clock) + ".csv", EXPIRING_HEADER,
                printer -> expiring.forEach(caller, days, filter, row -> print(printer, row.expirationDate(),
                        row.daysLeft(), row.projectName(), row.subcontractorName(), row.line(), row.policyNumber(),
                        row.insurerName(), row.brokerName(), row.brokerEmail(), row.coiId())));
    }

    /** Accuracy as a ratio with four decimals (0.9875), blank when no field was read. */
    ResponseEntity<StreamingResponseBody> extractionAccuracy(Caller caller, LocalDate from, LocalDate to) {
        ExtractionAccuracy.Report report = accuracy.report(caller, from, to);
        return attachment("certificate-reading-accuracy-" + LocalDate.now(clock) + ".csv", ACCURACY_HEADER,
                printer -> report.producers().forEach(row -> print(printer, row.producer(), row.certificatesRead(),
                        row.fieldsRead(), row.fieldsCorrected(), ratio(row.accuracy()),
                        certificates(row, ExtractionAccuracy.Method.ACROFORM),
                        certificates(row, ExtractionAccuracy.Method.TEXT),
                        certificates(row, ExtractionAccuracy.Method.OCR), row.lastReadAt())));
    }

    private static long certificates(ExtractionAccuracy.ProducerRow row, ExtractionAccuracy.Method method) {
        ExtractionAccuracy.Figures figures = row.byMethod().get(method);
        return figures == null ? 0 : figures.certificatesRead();
    }

    private static String ratio(Double accuracy) {
        return accuracy == null ? "" : BigDecimal.valueOf(accuracy).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private interface Rows {
        void writeTo(CSVPrinter printer);
    }

    private static ResponseEntity<StreamingResponseBody> attachment(String fileName, String[] header, Rows rows) {
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header).get().print(writer)) {
                rows.writeTo(printer);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }

    private static void print(CSVPrinter printer, Object... cells) {
        try {
            List<Object> safe = Arrays.stream(cells).map(CsvCells::safe).toList();
            printer.printRecord(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
