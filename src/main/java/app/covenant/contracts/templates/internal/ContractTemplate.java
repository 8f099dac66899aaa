package app.covenant.contracts.templates.internal;

import app.covenant.contracts.templates.TemplateCategory;
import app.covenant.shared.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A template of the library: its identity (code, scope), what the library shows (name, category, description,
 * active) and which version is current. The text lives in its {@link TemplateVersion}s.
 */
@Entity
@Table(name = "contract_templates")
class ContractTemplate extends AssignedIdEntity {

    static final String GLOBAL = "global";

    @Column(nullable = false)
    private String scopeKey;
    private UUID ownerOrganizationId;
    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TemplateCategory category;
    private String description;
    @Column(nullable = false)
    private boolean active;
    @Column(nullable = false)
    private int currentVersion;
    @Column(nullable = false)
    private int variableCount;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "contract_template_availability", joinColumns = @JoinColumn(name = "template_id"))
    @Column(name = "organization_id", nullable = false)
    private Set<UUID> enabledFor = new HashSet<>();

    protected ContractTemplate() {
    }

    /** A new template, version 0 until its first version is added; {@code owner} null for a global one. */
    ContractTemplate(UUID owner, String code, Instant now) {
        this.ownerOrganizationId = owner;
        this.scopeKey = owner == null ? GLOBAL : owner.toString();
        this.code = code;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
        if (owner != null) {
            enabledFor.add(owner);
        }
    }

    void describe(String name, TemplateCategory category, String description, Instant now) {
        this.name = name;
        this.category = category;
        this.description = description;
        this.updatedAt = now;
    }

    /** Makes the next version current; its number. */
    int nextVersion(int variables, Instant now) {
        this.currentVersion++;
        this.variableCount = variables;
        this.updatedAt = now;
        return currentVersion;
    }

    void activate(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }

    void enableFor(Set<UUID> organizations) {
        enabledFor.retainAll(organizations);
        enabledFor.addAll(organizations);
        enabledFor.add(ownerOrganizationId);
    }

    boolean global() {
        return ownerOrganizationId == null;
    }

    boolean availableTo(UUID organizationId) {
        return global() || enabledFor.contains(organizationId);
    }

    UUID ownerOrganizationId() {
        return ownerOrganizationId;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    TemplateCategory category() {
        return category;
    }

    String description() {
        return description;
    }

    boolean active() {
        return active;
    }

    int currentVersion() {
        return currentVersion;
    }

    int variableCount() {
        return variableCount;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Set<UUID> enabledFor() {
        return Set.copyOf(enabledFor);
    }
}
