package app.covenant.insurance.projects;

import app.covenant.shared.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A GC's project with its ordered additional insureds and, once assigned, its program and overrides. */
@Entity
@Table(name = "insurance_projects")
class Project extends AssignedIdEntity {

    @Column(nullable = false)
    private UUID organizationId;
    @Column(nullable = false)
    private UUID gcId;
    @Column(nullable = false)
    private String name;
    private String description;
    private String address;
    private LocalDate startDate;
    private LocalDate endDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProjectStatus status;
    private String gcName;
    private String ownerEntity;
    private String borough;
    private String block;
    private String lot;
    private String buildingHeight;
    private String structureType;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private String assignedAdminEmail;
    private UUID programId;
    private String programOverrides;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "insurance_project_additional_insureds", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "sort_order")
    @Column(name = "name", nullable = false)
    private List<String> additionalInsureds = new ArrayList<>();

    protected Project() {
    }

    Project(UUID organizationId, ProjectDetails details, Instant now) {
        this.organizationId = organizationId;
        this.createdAt = now;
        change(details, now);
    }

    void change(ProjectDetails d, Instant now) {
        this.gcId = d.gcId();
        this.name = d.name();
        this.description = d.description();
        this.address = d.address();
        this.startDate = d.startDate();
        this.endDate = d.endDate();
        this.status = d.status();
        this.gcName = d.gcName();
        this.ownerEntity = d.ownerEntity();
        this.borough = d.borough();
        this.block = d.block();
        this.lot = d.lot();
        this.buildingHeight = d.buildingHeight();
        this.structureType = d.structureType();
        this.contactName = d.contactName();
        this.contactEmail = d.contactEmail();
        this.contactPhone = d.contactPhone();
        this.assignedAdminEmail = d.assignedAdminEmail();
        this.programId = d.programId();
        this.additionalInsureds.clear();
        this.additionalInsureds.addAll(d.additionalInsureds());
        this.updatedAt = now;
    }

    /** Puts the project under {@code program} (null: the organization's default) with these overrides (JSON). */
    void assignProgram(UUID program, String overridesJson, Instant now) {
        this.programId = program;
        this.programOverrides = overridesJson;
        this.updatedAt = now;
    }

    UUID organizationId() {
        return organizationId;
    }

    UUID gcId() {
        return gcId;
    }

    UUID programId() {
        return programId;
    }

    String programOverrides() {
        return programOverrides;
    }

    Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("gcId", gcId);
        f.put("status", status.name());
        f.put("description", description);
        f.put("address", address);
        f.put("startDate", startDate == null ? null : startDate.toString());
        f.put("endDate", endDate == null ? null : endDate.toString());
        f.put("gcName", gcName);
        f.put("ownerEntity", ownerEntity);
        f.put("additionalInsureds", List.copyOf(additionalInsureds));
        f.put("borough", borough);
        f.put("block", block);
        f.put("lot", lot);
        f.put("buildingHeight", buildingHeight);
        f.put("structureType", structureType);
        f.put("contactName", contactName);
        f.put("contactEmail", contactEmail);
        f.put("contactPhone", contactPhone);
        f.put("assignedAdminEmail", assignedAdminEmail);
        f.put("programId", programId);
        f.put("programOverrides", programOverrides);
        return f;
    }
}
