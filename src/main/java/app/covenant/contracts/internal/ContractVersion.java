package app.covenant.contracts.internal;

import app.covenant.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One saved version of a contract: a full snapshot, written once and never changed. */
@Entity
@Table(name = "contract_versions")
class ContractVersion extends AssignedIdEntity {

    enum Kind { CREATED, EDITED, UPLOADED, RESTORED }

    @Column(nullable = false)
    private UUID contractId;
    private int number;
    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;
    @Column(nullable = false)
    private UUID authorId;
    @Column(nullable = false)
    private Instant createdAt;
    private Integer restoredFrom;
    @Column(nullable = false)
    private String fields;
    @Column(nullable = false)
    private String bodyHtml;
    @Column(nullable = false)
    private String annexures;
    @Column(nullable = false)
    private String variableValues;
    @Column(nullable = false)
    private String bodySha256;
    private UUID documentId;
    @Column(nullable = false)
    private String changedFields;

    protected ContractVersion() {
    }

    ContractVersion(UUID contractId, int number, Kind kind, UUID authorId, Instant now, Integer restoredFrom,
                    ContractContent content, List<String> changedFields) {
        this.contractId = contractId;
        this.number = number;
        this.kind = kind;
        this.authorId = authorId;
        this.createdAt = now;
        this.restoredFrom = restoredFrom;
        this.fields = JsonText.write(content.details().fields());
        this.bodyHtml = content.bodyHtml();
        this.annexures = JsonText.write(content.annexures());
        this.variableValues = JsonText.write(content.variables());
        this.bodySha256 = content.bodySha256();
        this.documentId = content.documentId();
        this.changedFields = JsonText.write(changedFields);
    }

    /** The content this version kept (search text is rebuilt from the body by the caller where needed). */
    ContractContent content(String searchText) {
        return new ContractContent(CheckedDetails.fromFields(JsonText.strings(fields)), bodyHtml,
                JsonText.annexures(annexures), JsonText.strings(variableValues), documentId, searchText);
    }

    UUID contractId() {
        return contractId;
    }

    int number() {
        return number;
    }

    Kind kind() {
        return kind;
    }

    UUID authorId() {
        return authorId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Integer restoredFrom() {
        return restoredFrom;
    }

    java.util.Map<String, String> fields() {
        return JsonText.strings(fields);
    }

    String bodyHtml() {
        return bodyHtml;
    }

    List<app.covenant.contracts.templates.Annexure> annexures() {
        return JsonText.annexures(annexures);
    }

    java.util.Map<String, String> variables() {
        return JsonText.strings(variableValues);
    }

    String bodySha256() {
        return bodySha256;
    }

    UUID documentId() {
        return documentId;
    }

    List<String> changedFields() {
        return JsonText.names(changedFields);
    }
}
