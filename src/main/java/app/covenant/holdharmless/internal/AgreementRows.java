package app.covenant.holdharmless.internal;

import app.covenant.holdharmless.HoldHarmlessStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** JdbcTemplate access to {@code hold_harmless_agreements}. Status changes are conditional on the current status. */
@Component
public class AgreementRows {

    /** One row. */
    public record Row(UUID id, UUID organizationId, UUID coiId, UUID projectId, UUID subId, UUID gcId,
                      HoldHarmlessStatus status, LocalDate effectiveDate, LocalDate expirationDate, UUID envelopeId,
                      UUID documentId, UUID completedDocumentId, String subSignerName, String subSignerEmail,
                      String gcSignerName, String gcSignerEmail, Instant subSignedAt, String subSignedBy,
                      Instant gcSignedAt, String gcSignedBy, Instant completedAt, String rejectionReason,
                      Instant rejectedAt, String rejectedBy, String generationError, int attempts, Instant sentAt,
                      Instant createdAt, Instant updatedAt) {
    }

    public static final String COLUMNS = "a.id, a.organization_id, a.coi_id, a.project_id, a.sub_id, a.gc_id,"
            + " a.status, a.effective_date, a.expiration_date, a.envelope_id, a.document_id, a.completed_document_id,"
            + " a.sub_signer_name, a.sub_signer_email, a.gc_signer_name, a.gc_signer_email, a.sub_signed_at,"
            + " a.sub_signed_by, a.gc_signed_at, a.gc_signed_by, a.completed_at, a.rejection_reason, a.rejected_at,"
            + " a.rejected_by, a.generation_error, a.attempts, a.sent_at, a.created_at, a.updated_at";

    public static final RowMapper<Row> ROW = AgreementRows::row;

    private final JdbcTemplate jdbc;

    AgreementRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from hold_harmless_agreements a where a.id = ?", ROW, id).stream()
                .findFirst();
    }

    public Optional<Row> lock(UUID id) {
        return jdbc.query("select " + COLUMNS + " from hold_harmless_agreements a where a.id = ? for update", ROW, id)
                .stream().findFirst();
    }

    public Optional<Row> ofCoi(UUID coiId) {
        return jdbc.query("select " + COLUMNS + " from hold_harmless_agreements a where a.coi_id = ?", ROW, coiId)
                .stream().findFirst();
    }

    /** Inserts a {@code PENDING_GENERATION} agreement for the certificate unless it has one; true when inserted. */
    public boolean insertPending(UUID id, UUID organizationId, UUID coiId, UUID projectId, UUID subId, UUID gcId,
                                 LocalDate effective, LocalDate expiration, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.update("insert into hold_harmless_agreements (id, organization_id, coi_id, project_id, sub_id,"
                + " gc_id, status, effective_date, expiration_date, attempts, created_at, updated_at)"
                + " select ?, ?, ?, ?, ?, ?, 'PENDING_GENERATION', ?, ?, 0, ?, ? where not exists"
                + " (select 1 from hold_harmless_agreements where coi_id = ?)", id, organizationId, coiId, projectId,
                subId, gcId, effective, expiration, at, at, coiId) > 0;
    }

    public void generationFailed(UUID id, String error, Instant now) {
        jdbc.update("update hold_harmless_agreements set generation_error = ?, attempts = attempts + 1, updated_at = ?,"
                + " version = version + 1 where id = ? and status = 'PENDING_GENERATION'", error, Timestamp.from(now), id);
    }

    public void sent(UUID id, UUID documentId, UUID envelopeId, String subName, String subEmail, String gcName,
                     String gcEmail, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("update hold_harmless_agreements set status = 'PENDING_SUB_SIGNATURE', document_id = ?,"
                + " envelope_id = ?, sub_signer_name = ?, sub_signer_email = ?, gc_signer_name = ?, gc_signer_email = ?,"
                + " generation_error = null, attempts = attempts + 1, sent_at = ?, updated_at = ?,"
                + " version = version + 1 where id = ? and status = 'PENDING_GENERATION'", documentId, envelopeId,
                subName, subEmail, gcName, gcEmail, at, at, id);
    }

    /** The sub signed: {@code PENDING_GC_SIGNATURE}; true when this call moved it. */
    public boolean subSigned(UUID id, Instant at, String by) {
        return jdbc.update("update hold_harmless_agreements set status = 'PENDING_GC_SIGNATURE', sub_signed_at = ?,"
                + " sub_signed_by = ?, updated_at = ?, version = version + 1 where id = ?"
                + " and status = 'PENDING_SUB_SIGNATURE'", Timestamp.from(at), by, Timestamp.from(at), id) > 0;
    }

    /** The GC signed (the agreement completes once the engine has sealed the final PDF). */
    public void gcSigned(UUID id, Instant at, String by) {
        jdbc.update("update hold_harmless_agreements set gc_signed_at = ?, gc_signed_by = ?, updated_at = ?,"
                + " version = version + 1 where id = ? and gc_signed_at is null", Timestamp.from(at), by,
                Timestamp.from(at), id);
    }

    /** True when this call completed it. */
    public boolean completed(UUID id, UUID documentId, Instant at) {
        return jdbc.update("update hold_harmless_agreements set status = 'COMPLETED', completed_document_id = ?,"
                + " completed_at = ?, updated_at = ?, version = version + 1 where id = ?"
                + " and status in ('PENDING_SUB_SIGNATURE', 'PENDING_GC_SIGNATURE', 'EXPIRED')", documentId,
                Timestamp.from(at), Timestamp.from(at), id) > 0;
    }

    /** True when this call rejected it. */
    public boolean rejected(UUID id, String reason, String by, Instant at) {
        return jdbc.update("update hold_harmless_agreements set status = 'REJECTED', rejection_reason = ?,"
                + " rejected_by = ?, rejected_at = ?, updated_at = ?, version = version + 1 where id = ?"
                + " and status in ('PENDING_SUB_SIGNATURE', 'PENDING_GC_SIGNATURE')", reason, by, Timestamp.from(at),
                Timestamp.from(at), id) > 0;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getObject("coi_id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getObject("sub_id", UUID.class), rs.getObject("gc_id", UUID.class),
                HoldHarmlessStatus.valueOf(rs.getString("status")), date(rs, "effective_date"),
                date(rs, "expiration_date"), rs.getObject("envelope_id", UUID.class),
                rs.getObject("document_id", UUID.class), rs.getObject("completed_document_id", UUID.class),
                rs.getString("sub_signer_name"), rs.getString("sub_signer_email"), rs.getString("gc_signer_name"),
                rs.getString("gc_signer_email"), instant(rs, "sub_signed_at"), rs.getString("sub_signed_by"),
                instant(rs, "gc_signed_at"), rs.getString("gc_signed_by"), instant(rs, "completed_at"),
                rs.getString("rejection_reason"), instant(rs, "rejected_at"), rs.getString("rejected_by"),
                rs.getString("generation_error"), rs.getInt("attempts"), instant(rs, "sent_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
