package app.covenant.signatures.internal;

import app.covenant.signatures.EnvelopeOwner;
import app.covenant.signatures.EnvelopeRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Envelopes and their signers in SQL. */
@Component
class EnvelopeRows {

    private static final String ENVELOPE_COLUMNS = "id, organization_id, title, sender_name, status, owner_module, owner_record_id, "
            + "code_required, original_document_id, original_sha256, final_document_id, final_sha256, created_at, "
            + "completed_at, completion_copies";
    private static final String SIGNER_COLUMNS = "id, envelope_id, signing_order, name, email, role_label, status, "
            + "signature_type, typed_signature, signature_png, signed_name, signed_at, decline_reason, declined_at, anchor";

    private final JdbcTemplate jdbc;

    EnvelopeRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, EnvelopeRequest request, String sha256, Instant now) {
        EnvelopeOwner owner = request.owner();
        jdbc.update("insert into signatures_envelopes (id, organization_id, title, sender_name, status, owner_module, "
                        + "owner_record_id, code_required, original_document_id, original_sha256, created_by, created_at, "
                        + "completion_copies) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, request.organizationId(), request.title().strip(),
                request.senderName().strip(),
                EnvelopeStatus.SENT.name(), owner == null ? null : owner.module(), owner == null ? null : owner.recordId(),
                request.codeRequired(), request.documentId(), sha256, request.createdBy(), Timestamp.from(now),
                request.completionCopies().isEmpty() ? null : String.join("\n", request.completionCopies()));
        for (EnvelopeRequest.SignerRequest signer : request.signers()) {
            jdbc.update("insert into signatures_signers (id, envelope_id, signing_order, name, email, role_label, status, "
                            + "anchor) values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), id, signer.order(),
                    signer.name().strip(), signer.email().strip(), signer.role().strip(), SignerStatus.WAITING.name(),
                    signer.anchor());
        }
    }

    Optional<EnvelopeRecord> find(UUID id) {
        return jdbc.query("select " + ENVELOPE_COLUMNS + " from signatures_envelopes where id = ?", EnvelopeRows::envelope, id)
                .stream().findFirst();
    }

    /** The envelope, its row locked until the transaction ends: signers of one envelope act one at a time. */
    Optional<EnvelopeRecord> lock(UUID id) {
        return jdbc.query("select " + ENVELOPE_COLUMNS + " from signatures_envelopes where id = ? for update",
                EnvelopeRows::envelope, id).stream().findFirst();
    }

    Optional<EnvelopeRecord> findCompletedBySha256(String sha256) {
        return jdbc.query("select " + ENVELOPE_COLUMNS + " from signatures_envelopes where final_sha256 = ? "
                + "and status = 'COMPLETED'", EnvelopeRows::envelope, sha256).stream().findFirst();
    }

    List<SignerRecord> signers(UUID envelopeId) {
        return jdbc.query("select " + SIGNER_COLUMNS + " from signatures_signers where envelope_id = ? "
                + "order by signing_order, name, id", EnvelopeRows::signer, envelopeId);
    }

    Optional<SignerRecord> signer(UUID signerId) {
        return jdbc.query("select " + SIGNER_COLUMNS + " from signatures_signers where id = ?", EnvelopeRows::signer,
                signerId).stream().findFirst();
    }

    boolean isSigner(UUID envelopeId, String email) {
        Integer count = jdbc.queryForObject("select count(*) from signatures_signers where envelope_id = ? "
                + "and lower(email) = lower(?)", Integer.class, envelopeId, email);
        return count != null && count > 0;
    }

    /** The envelopes in progress where a signer with {@code email} has been asked to sign and has not yet. */
    List<SignedInSigning.Waiting> waitingFor(String email) {
        return jdbc.query("select e.id, e.title, e.sender_name, s.role_label from signatures_signers s "
                        + "join signatures_envelopes e on e.id = s.envelope_id where lower(s.email) = lower(?) "
                        + "and s.status = ? and e.status = ? order by e.created_at, e.id",
                (rs, row) -> new SignedInSigning.Waiting(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getString("sender_name"), rs.getString("role_label")), email,
                SignerStatus.NOTIFIED.name(), EnvelopeStatus.SENT.name());
    }

    void markNotified(UUID signerId) {
        jdbc.update("update signatures_signers set status = ? where id = ? and status = ?", SignerStatus.NOTIFIED.name(),
                signerId, SignerStatus.WAITING.name());
    }

    void markSigned(UUID signerId, ValidSignature signature, Instant now) {
        jdbc.update("update signatures_signers set status = ?, signature_type = ?, typed_signature = ?, signature_png = ?, "
                        + "signed_name = ?, signed_at = ? where id = ?", SignerStatus.SIGNED.name(), signature.type().name(),
                signature.typedSignature(), signature.png(), signature.signerName(), Timestamp.from(now), signerId);
    }

    void markDeclined(UUID signerId, String reason, Instant now) {
        jdbc.update("update signatures_signers set status = ?, decline_reason = ?, declined_at = ? where id = ?",
                SignerStatus.DECLINED.name(), reason, Timestamp.from(now), signerId);
    }

    void setStatus(UUID envelopeId, EnvelopeStatus status) {
        jdbc.update("update signatures_envelopes set status = ? where id = ?", status.name(), envelopeId);
    }

    /** Records the sealed PDF, once: answers false when another node completed it first. */
    boolean complete(UUID envelopeId, UUID finalDocumentId, String finalSha256, Instant now) {
        return jdbc.update("update signatures_envelopes set status = ?, final_document_id = ?, final_sha256 = ?, "
                        + "completed_at = ? where id = ? and status = ?", EnvelopeStatus.COMPLETED.name(), finalDocumentId,
                finalSha256, Timestamp.from(now), envelopeId, EnvelopeStatus.SEALING.name()) == 1;
    }

    private static EnvelopeRecord envelope(ResultSet rs, int row) throws SQLException {
        String ownerModule = rs.getString("owner_module");
        EnvelopeOwner owner = ownerModule == null ? null
                : new EnvelopeOwner(ownerModule, rs.getObject("owner_record_id", UUID.class));
        return new EnvelopeRecord(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("title"), rs.getString("sender_name"), EnvelopeStatus.valueOf(rs.getString("status")), owner,
                rs.getBoolean("code_required"), rs.getObject("original_document_id", UUID.class),
                rs.getString("original_sha256"), rs.getObject("final_document_id", UUID.class),
                rs.getString("final_sha256"), instant(rs, "created_at"), instant(rs, "completed_at"),
                copies(rs.getString("completion_copies")));
    }

    private static SignerRecord signer(ResultSet rs, int row) throws SQLException {
        return new SignerRecord(rs.getObject("id", UUID.class), rs.getObject("envelope_id", UUID.class),
                rs.getInt("signing_order"), rs.getString("name"), rs.getString("email"), rs.getString("role_label"),
                SignerStatus.valueOf(rs.getString("status")), rs.getString("signature_type"),
                rs.getString("typed_signature"), rs.getBytes("signature_png"), rs.getString("signed_name"),
                instant(rs, "signed_at"), rs.getString("decline_reason"), instant(rs, "declined_at"),
                rs.getString("anchor"));
    }

    private static List<String> copies(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.split("\n"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
