package app.covenant.insurance.contractors;

import app.covenant.insurance.compliance.Trades;
import app.covenant.shared.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A company (GC or sub) with its trades; its people, GCs and insurance status live in tables of their own. */
@Entity
@Table(name = "insurance_contractors")
class Contractor extends AssignedIdEntity {

    @Column(nullable = false)
    private UUID organizationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContractorType type;
    @Column(nullable = false)
    private String name;
    private String contactEmail;
    private String phone;
    private String address;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContractorStatus status;
    private String assignedAdminEmail;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "insurance_contractor_trades", joinColumns = @JoinColumn(name = "contractor_id"))
    private Set<Trade> trades = new LinkedHashSet<>();

    /** A trade as entered, with its matching key ({@link Trades#key}). */
    @Embeddable
    record Trade(String trade, String tradeKey) {
    }

    protected Contractor() {
    }

    Contractor(UUID organizationId, ContractorType type, ContractorDetails details, Instant now) {
        this.organizationId = organizationId;
        this.type = type;
        this.createdAt = now;
        change(details, now);
    }

    /** Replaces every editable field (the type never changes: a GC's projects and a sub's COIs depend on it). */
    void change(ContractorDetails details, Instant now) {
        this.name = details.name();
        this.contactEmail = details.contactEmail();
        this.phone = details.phone();
        this.address = details.address();
        this.status = details.status();
        this.assignedAdminEmail = details.assignedAdminEmail();
        this.trades.clear();
        this.trades.addAll(tradesOf(details.trades()));
        this.updatedAt = now;
    }

    void deactivate(Instant now) {
        this.status = ContractorStatus.INACTIVE;
        this.updatedAt = now;
    }

    /** One entry per trade key, the first spelling kept. */
    static Collection<Trade> tradesOf(List<String> names) {
        Map<String, Trade> byKey = new LinkedHashMap<>();
        names.stream().filter(t -> t != null && !t.isBlank())
                .forEach(t -> byKey.putIfAbsent(Trades.key(t), new Trade(t.strip(), Trades.key(t))));
        return byKey.values();
    }

    UUID organizationId() {
        return organizationId;
    }

    ContractorType type() {
        return type;
    }

    String name() {
        return name;
    }

    ContractorStatus status() {
        return status;
    }

    List<String> tradeNames() {
        return trades.stream().sorted(Comparator.comparing(Trade::tradeKey)).map(Trade::trade).toList();
    }

    Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("type", type.name());
        facts.put("name", name);
        facts.put("contactEmail", contactEmail);
        facts.put("phone", phone);
        facts.put("address", address);
        facts.put("status", status.name());
        facts.put("assignedAdminEmail", assignedAdminEmail);
        facts.put("trades", tradeNames());
        return facts;
    }
}
