package app.covenant.insurance.certificates;

import app.covenant.insurance.extraction.Acord25Extraction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of {@code insurance_coi_extractions} (one reading per uploaded ACORD 25, {@code result_json} the
 * Extraction representation as read) and {@code insurance_extraction_corrections} (what people changed).
 */
@Component
class CoiReadingRows {

    /** A correction as stored: the policy form's field name, what was read and what it became. */
    record Correction(String field, String readValue, String correctedValue) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    CoiReadingRows(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void startReading(UUID coiId, UUID documentId, Instant at) {
        jdbc.update("insert into insurance_coi_extractions (document_id, coi_id, organization_id, status, started_at) "
                + "select ?, c.id, c.organization_id, 'READING', ? from insurance_cois c where c.id = ?",
                documentId, Timestamp.from(at), coiId);
    }

    void insert(UUID coiId, UUID documentId, Acord25Extraction read, Instant startedAt, Instant finishedAt) {
        jdbc.update("insert into insurance_coi_extractions (document_id, coi_id, organization_id, status, method, "
                + "producer, fields_read, result_json, started_at, finished_at) select ?, c.id, c.organization_id, ?, "
                + "?, ?, ?, ?, ?, ? from insurance_cois c where c.id = ?", documentId, read.status().name(),
                method(read), cut(read.producer()), fieldsRead(read), json.writeValueAsString(read),
                Timestamp.from(startedAt), Timestamp.from(finishedAt), coiId);
    }

    /** Finishes a reading still {@code READING}; whether it was (a second run of the task finds it done). */
    boolean finish(UUID documentId, Acord25Extraction read, Instant finishedAt) {
        return jdbc.update("update insurance_coi_extractions set status = ?, method = ?, producer = ?, fields_read = ?, "
                + "result_json = ?, finished_at = ? where document_id = ? and status = 'READING'", read.status().name(),
                method(read), cut(read.producer()), fieldsRead(read), json.writeValueAsString(read),
                Timestamp.from(finishedAt), documentId) == 1;
    }

    /** Whether the document has a reading that is still {@code READING}. */
    boolean stillReading(UUID documentId) {
        return !jdbc.queryForList("select 1 from insurance_coi_extractions where document_id = ? and status = 'READING'",
                Integer.class, documentId).isEmpty();
    }

    /** The latest reading of the certificate's ACORD 25 documents (its own, and those shared from a master). */
    Optional<CoiExtraction> latest(UUID coiId) {
        return jdbc.query("select e.* from insurance_coi_extractions e join insurance_coi_documents d on d.document_id "
                + "= e.document_id where d.coi_id = ? and d.kind = 'ACORD25' order by e.started_at desc, e.document_id "
                + "desc limit 1", this::extraction, coiId).stream().findFirst();
    }

    private CoiExtraction extraction(ResultSet rs, int row) throws SQLException {
        UUID documentId = rs.getObject("document_id", UUID.class);
        Instant startedAt = rs.getTimestamp("started_at").toInstant();
        Timestamp finished = rs.getTimestamp("finished_at");
        String result = rs.getString("result_json");
        if (result == null) {
            return CoiExtraction.reading(documentId, startedAt);
        }
        return CoiExtraction.of(documentId, json.readValue(result, Acord25Extraction.class), startedAt,
                finished == null ? null : finished.toInstant());
    }

    // --- corrections ---

    List<Correction> corrections(UUID documentId) {
        return jdbc.query("select field, read_value, corrected_value from insurance_extraction_corrections where "
                + "document_id = ? order by field", (rs, i) -> new Correction(rs.getString("field"),
                rs.getString("read_value"), rs.getString("corrected_value")), documentId);
    }

    /** The latest correction of a field wins: one row per (document, field). */
    void correct(UUID coiId, UUID documentId, String producer, Correction correction, UUID by, Instant at) {
        int updated = jdbc.update("update insurance_extraction_corrections set read_value = ?, corrected_value = ?, "
                + "corrected_by = ?, corrected_at = ?, coi_id = ? where document_id = ? and field = ?",
                cut(correction.readValue()), cut(correction.correctedValue()), by, Timestamp.from(at), coiId,
                documentId, correction.field());
        if (updated == 0) {
            jdbc.update("insert into insurance_extraction_corrections (id, organization_id, coi_id, document_id, "
                    + "producer, field, read_value, corrected_value, corrected_by, corrected_at) select ?, "
                    + "e.organization_id, ?, e.document_id, ?, ?, ?, ?, ?, ? from insurance_coi_extractions e "
                    + "where e.document_id = ?", UUID.randomUUID(), coiId, cut(producer), correction.field(),
                    cut(correction.readValue()), cut(correction.correctedValue()), by, Timestamp.from(at), documentId);
        }
    }

    /** A value set back to what was read is no correction any more. */
    boolean uncorrect(UUID documentId, String field) {
        return jdbc.update("delete from insurance_extraction_corrections where document_id = ? and field = ?",
                documentId, field) > 0;
    }

    private static String method(Acord25Extraction read) {
        return read.method() == null ? null : read.method().name();
    }

    private static int fieldsRead(Acord25Extraction read) {
        return read.fields() == null ? 0 : (int) read.fields().values().stream()
                .filter(f -> f != null && f.value() != null && !f.value().isBlank()).count();
    }

    private static String cut(String value) {
        return value == null || value.length() <= 300 ? value : value.substring(0, 300);
    }
}
