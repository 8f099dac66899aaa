package app.covenant.identity.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.identity.events.OrganizationCreated;
import app.covenant.platform.modules.FeatureFlag;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations and their entities. A super admin manages all; an administrator sees the
 * organizations they belong to and manages their own and the entities under it.
 */
@Service
public class OrganizationAdministration {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,19}");

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final FeatureFlags features;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrganizationAdministration(OrganizationRepository organizations, MembershipRepository memberships,
                               FeatureFlags features, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.organizations = organizations;
        this.memberships = memberships;
        this.features = features;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<OrganizationView> list(Caller caller, Pageable pageable) {
        Page<Organization> page = caller.isSuperAdmin() ? organizations.findAll(pageable)
                : organizations.findWithEntities(memberships.findActiveByUserId(caller.userId()).stream()
                        .map(Membership::organizationId).toList(), pageable);
        Map<UUID, Map<String, Boolean>> flags = features.ofAll(page.getContent().stream().map(Organization::getId).toList());
        return page.map(organization -> view(organization, flags.get(organization.getId())));
    }

    /** The organizations a user may switch to (for the switcher). */
    @Transactional(readOnly = true)
    public List<OrganizationView> mine(Caller caller) {
        List<UUID> ids = memberships.findActiveByUserId(caller.userId()).stream()
                .map(Membership::organizationId).toList();
        List<Organization> found = (caller.isSuperAdmin() ? organizations.findAll() : organizations.findByIdIn(ids))
                .stream().filter(Organization::active).toList();
        Map<UUID, Map<String, Boolean>> flags = features.ofAll(found.stream().map(Organization::getId).toList());
        return found.stream().map(organization -> view(organization, flags.get(organization.getId()))).toList();
    }

    @Transactional(readOnly = true)
    public OrganizationView get(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    @Transactional
    public OrganizationView create(Caller caller, String code, String name, String type, UUID parentId) {
        String normalizedCode = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(normalizedCode).matches()) {
            throw ProblemException.invalid("code", "must be 2 to 20 letters or digits, starting with a letter");
        }
        Organization.Type kind = parseType(type);
        UUID parent = parentId;
        if (!caller.isSuperAdmin()) {
            // An administrator adds entities under their own organization only.
            if (kind != Organization.Type.ENTITY) {
                throw ProblemException.forbidden("Only a super administrator creates top-level organizations.");
            }
            parent = caller.organizationId();
        }
        if (parent != null && organizations.findById(parent).isEmpty()) {
            throw ProblemException.invalid("parentId", "is not an organization");
        }
        if (organizations.findByCode(normalizedCode).isPresent()) {
            throw ProblemException.conflict("The code " + normalizedCode + " is taken.");
        }
        Organization organization = organizations.save(new Organization(normalizedCode, name.trim(), kind, parent,
                clock.instant()));
        audit.record(AuditEntry.of("identity", "organization.created").actor(caller.userId(), caller.email())
                .organization(organization.getId()).target("organization", organization.getId())
                .after(Map.of("code", normalizedCode, "name", name, "type", kind.name())));
        events.publishEvent(new OrganizationCreated(organization.getId(), normalizedCode, organization.name()));
        return view(organization);
    }

    @Transactional
    public OrganizationView update(Caller caller, UUID id, String name, Boolean active) {
        Organization organization = manageable(caller, id);
        Map<String, Object> before = Map.of("name", organization.name(), "active", organization.active());
        if (name != null && !name.isBlank()) {
            organization.rename(name.trim());
        }
        if (active != null) {
            if (!active && id.equals(caller.organizationId())) {
                throw ProblemException.conflict("You cannot deactivate the organization you are working in.");
            }
            organization.setActive(active);
        }
        audit.record(AuditEntry.of("identity", "organization.updated").actor(caller.userId(), caller.email())
                .organization(id).target("organization", id).before(before)
                .after(Map.of("name", organization.name(), "active", organization.active())));
        return view(organization);
    }

    @Transactional
    public Map<String, Boolean> setFeature(Caller caller, String key, boolean enabled) {
        // Only what a module declares (and reads) can be switched.
        FeatureFlag feature = features.find(key == null ? "" : key.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.notFound("Feature " + key));
        boolean before = features.isOn(caller.organizationId(), feature.key());
        features.set(caller.organizationId(), feature.key(), enabled);
        audit.record(AuditEntry.of("identity", "feature.changed").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("feature", feature.key())
                .before(Map.of("enabled", before)).after(Map.of("enabled", enabled)));
        return features.of(caller.organizationId());
    }

    private Organization visible(Caller caller, UUID id) {
        // Members see their organization and the entities under it.
        return organizations.findById(id)
                .filter(org -> caller.isSuperAdmin() || memberships.isMember(caller.userId(), id)
                        || (org.parentId() != null && memberships.isMember(caller.userId(), org.parentId())))
                .orElseThrow(() -> ProblemException.notFound("Organization"));
    }

    private Organization manageable(Caller caller, UUID id) {
        Organization organization = organizations.findById(id).orElseThrow(() -> ProblemException.notFound("Organization"));
        boolean own = id.equals(caller.organizationId()) || caller.organizationId().equals(organization.parentId());
        if (!caller.isSuperAdmin() && !own) {
            throw ProblemException.notFound("Organization");
        }
        return organization;
    }

    private static Organization.Type parseType(String type) {
        try {
            return Organization.Type.valueOf(type == null ? "ENTITY" : type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("type", "must be PARENT or ENTITY");
        }
    }

    private OrganizationView view(Organization organization) {
        return view(organization, features.of(organization.getId()));
    }

    private static OrganizationView view(Organization organization, Map<String, Boolean> flags) {
        return new OrganizationView(organization.getId(), organization.code(), organization.name(),
                organization.type().name(), organization.parentId(), organization.active(), flags,
                organization.createdAt());
    }
}
