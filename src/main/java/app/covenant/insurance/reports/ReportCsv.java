package app.covenant.insurance.reports;

import app.covenant.shared.security.Caller;
import java.io.IOException;
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
 * The two reports as CSV attachments (RFC 4180 through Apache Commons CSV), every row of the report
 * written as it is read from the database cursor, each text cell guarded against formula injection.
 */
@Component
class ReportCsv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final String[] NON_COMPLIANT_HEADER = {"Project", "General contractor", "Subcontractor",
            "Insurance status", "Latest certificate status", "Latest certificate", "Deficiencies", "Assigned admin"};
    private static final String[] EXPIRING_HEADER = {"Expiration date", "Days left", "Project", "Subcontractor", "Line",
            "Policy number", "Insurer", "Broker", "Broker e-mail", "Certificate"};

    private final NonCompliantSubs nonCompliant;
    private final ExpiringPolicies expiring;
    private final Clock clock;

    ReportCsv(NonCompliantSubs nonCompliant, ExpiringPolicies expiring, Clock clock) {
        this.nonCompliant = nonCompliant;
        this.expiring = expiring;
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
