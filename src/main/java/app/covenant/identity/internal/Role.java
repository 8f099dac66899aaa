package app.covenant.identity.internal;

import app.covenant.shared.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A named bundle of permissions: a system role (no organization) or an organization's custom role. */
@Entity
@Table(name = "roles")
class Role extends AssignedIdEntity {

    static final String SYSTEM_SCOPE = "system";

    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    private String description;
    private UUID organizationId;
    @Column(nullable = false)
    private String scopeKey;
    @Column(name = "system_role")
    private boolean system;
    @Column(nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "role_permissions", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "permission_code")
    private Set<String> permissions = new HashSet<>();

    protected Role() {
    }

    Role(String code, String name, String description, UUID organizationId, boolean system, Set<String> permissions,
         Instant now) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.organizationId = organizationId;
        this.scopeKey = organizationId == null ? SYSTEM_SCOPE : organizationId.toString();
        this.system = system;
        this.permissions = new HashSet<>(permissions);
        this.createdAt = now;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    UUID organizationId() {
        return organizationId;
    }

    boolean system() {
        return system;
    }

    Set<String> permissions() {
        return Set.copyOf(permissions);
    }

    void update(String newName, String newDescription, Set<String> newPermissions) {
        this.name = newName;
        this.description = newDescription;
        this.permissions.clear();
        this.permissions.addAll(newPermissions);
    }

    void grant(Set<String> added) {
        this.permissions.addAll(added);
    }
}
