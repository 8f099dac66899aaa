package app.covenant.contracts.templates.internal;

import app.covenant.contracts.templates.Annexure;
import app.covenant.contracts.templates.TemplateVariable;
import app.covenant.contracts.templates.VariableType;
import app.covenant.shared.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One version of a template, never changed once written: body, ordered annexures, merged variables. */
@Entity
@Table(name = "contract_template_versions")
class TemplateVersion extends AssignedIdEntity {

    @Column(nullable = false)
    private UUID templateId;
    @Column(nullable = false)
    private int number;
    @Column(nullable = false)
    private String bodyHtml;
    @Column(nullable = false)
    private Instant createdAt;
    private UUID createdBy;
    private String createdByName;

    @ElementCollection
    @CollectionTable(name = "contract_template_annexures", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "sort_order")
    private List<AnnexureColumns> annexures = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "contract_template_variables", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "sort_order")
    private List<VariableColumns> variables = new ArrayList<>();

    protected TemplateVersion() {
    }

    TemplateVersion(UUID templateId, int number, String bodyHtml, List<Annexure> annexures,
                    List<TemplateVariable> variables, UUID createdBy, String createdByName, Instant now) {
        this.templateId = templateId;
        this.number = number;
        this.bodyHtml = bodyHtml;
        this.createdBy = createdBy;
        this.createdByName = createdByName;
        this.createdAt = now;
        annexures.forEach(annexure -> this.annexures.add(new AnnexureColumns(annexure.title(), annexure.html())));
        variables.forEach(variable -> this.variables.add(VariableColumns.of(variable)));
    }

    UUID templateId() {
        return templateId;
    }

    int number() {
        return number;
    }

    String bodyHtml() {
        return bodyHtml;
    }

    Instant createdAt() {
        return createdAt;
    }

    UUID createdBy() {
        return createdBy;
    }

    String createdByName() {
        return createdByName;
    }

    List<Annexure> annexures() {
        return annexures.stream().map(a -> new Annexure(a.title, a.html)).toList();
    }

    List<TemplateVariable> variables() {
        return variables.stream().map(VariableColumns::variable).toList();
    }

    @Embeddable
    static class AnnexureColumns {

        @Column(nullable = false)
        private String title;
        @Column(nullable = false)
        private String html;

        protected AnnexureColumns() {
        }

        AnnexureColumns(String title, String html) {
            this.title = title;
            this.html = html;
        }
    }

    @Embeddable
    static class VariableColumns {

        @Column(name = "var_key", nullable = false)
        private String key;
        @Column(nullable = false)
        private String label;
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        private VariableType type;
        @Column(nullable = false)
        private boolean required;
        private String defaultValue;
        /** One choice per line. */
        private String choices;

        protected VariableColumns() {
        }

        static VariableColumns of(TemplateVariable variable) {
            VariableColumns columns = new VariableColumns();
            columns.key = variable.key();
            columns.label = variable.label();
            columns.type = variable.type();
            columns.required = variable.required();
            columns.defaultValue = variable.defaultValue();
            columns.choices = variable.choices().isEmpty() ? null : String.join("\n", variable.choices());
            return columns;
        }

        TemplateVariable variable() {
            List<String> list = choices == null || choices.isEmpty() ? List.of() : Arrays.asList(choices.split("\n"));
            return new TemplateVariable(key, label, type, required, defaultValue, list);
        }
    }
}
