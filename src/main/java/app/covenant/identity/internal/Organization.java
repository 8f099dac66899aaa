package app.covenant.identity.internal;

import app.covenant.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A tenant: data is siloed per organization. Entities may hang under a parent. */
@Entity
@Table(name = "organizations")
class Organization extends AssignedIdEntity {

    public enum Type { PARENT, ENTITY }

    @Column(nullable = false, unique = true)
    private String code;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Type type;
    private UUID parentId;
    private boolean active;
    @Column(nullable = false)
    private String settings;
    @Column(nullable = false)
    private Instant createdAt;

    protected Organization() {
    }

    public Organization(String code, String name, Type type, UUID parentId, Instant now) {
        this.code = code.toUpperCase(Locale.ROOT);
        this.name = name;
        this.type = type;
        this.parentId = parentId;
        this.active = true;
        this.settings = "{}";
        this.createdAt = now;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    public UUID parentId() {
        return parentId;
    }

    public boolean active() {
        return active;
    }

    public String settings() {
        return settings;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public void replaceSettings(String json) {
        this.settings = json;
    }
}
