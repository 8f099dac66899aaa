package app.covenant.identity.internal;

import app.covenant.identity.IdentityProperties;
import app.covenant.identity.events.DemoDataSeeded;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organizations and demo users of API.md, created once — and only on the embedded default's H2
 * database, never on PostgreSQL, whatever the configuration says. The other modules' demo records follow
 * from {@link DemoDataSeeded}, published only when this run created the people.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoUser(String email, String name, String role, String organization) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("superadmin@covenant.test", "Sam Super", "SUPER_ADMIN", "DEMO"),
            new DemoUser("admin@covenant.test", "Ada Admin", "ADMIN", "DEMO"),
            new DemoUser("manager@covenant.test", "Morgan Manager", "MANAGER", "DEMO"),
            new DemoUser("user@covenant.test", "Uma User", "USER", "DEMO"),
            new DemoUser("legal@covenant.test", "Lee Legal", "LEGAL_MANAGER", "DEMO"),
            new DemoUser("legalhead@covenant.test", "Harper Head-of-Legal", "LEGAL_HEAD", "DEMO"),
            new DemoUser("finance@covenant.test", "Frankie Finance", "FINANCE_MANAGER", "DEMO"),
            new DemoUser("gc@covenant.test", "Gale Contractor (Demo Builders LLC)", "CONTRACTOR", "DEMO"),
            new DemoUser("sub@covenant.test", "Sol Sub (Demo Electric Inc)", "SUBCONTRACTOR", "DEMO"),
            new DemoUser("broker@covenant.test", "Blair Broker", "BROKER", "DEMO"),
            new DemoUser("admin@other.test", "Otto Other-Admin", "ADMIN", "OTHER"));

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final RoleRepository roles;
    private final MembershipRepository memberships;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final CallerLoader callers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoData(OrganizationRepository organizations, UserRepository users, RoleRepository roles,
             MembershipRepository memberships, PasswordEncoder passwords, IdentityProperties properties,
             CallerLoader callers, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
             Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.roles = roles;
        this.memberships = memberships;
        this.passwords = passwords;
        this.properties = properties;
        this.callers = callers;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Creates the organizations and users (in one transaction) unless DEMO exists, then — committed, outside
     * any transaction — publishes {@link DemoDataSeeded} so the modules add their demo records, acting as
     * these people through their own services.
     */
    void seedOnce() {
        Created created = transactions.execute(status -> create());
        if (created == null) {
            return;
        }
        Map<String, Caller> people = new LinkedHashMap<>();
        created.members().forEach((email, member) -> people.put(email, callers.member(member.userId(),
                member.organizationId()).orElseThrow(() -> new IllegalStateException("Demo user " + email
                + " cannot act in their organization"))));
        events.publishEvent(new DemoDataSeeded(created.organizations(), people));
    }

    private record Member(UUID userId, UUID organizationId) {
    }

    private record Created(Map<String, UUID> organizations, Map<String, Member> members) {
    }

    private Created create() {
        if (organizations.findByCode("DEMO").isPresent()) {
            return null;
        }
        Instant now = clock.instant();
        Organization demo = organizations.save(new Organization("DEMO", "Demo Construction Group",
                Organization.Type.PARENT, null, now));
        Organization other = organizations.save(new Organization("OTHER", "Other Tenant", Organization.Type.PARENT,
                null, now));
        String hash = passwords.encode(properties.demoPassword());
        Map<String, Member> members = new LinkedHashMap<>();
        for (DemoUser demoUser : USERS) {
            User user = new User(demoUser.email(), demoUser.name(), User.Status.ACTIVE, now);
            user.changePassword(hash, now);
            user.verifyEmail(now);
            users.save(user);
            Organization organization = "DEMO".equals(demoUser.organization()) ? demo : other;
            Role role = roles.findSystem(demoUser.role()).orElseThrow();
            memberships.save(new Membership(user.getId(), organization.getId(), role.getId(), now));
            members.put(demoUser.email(), new Member(user.getId(), organization.getId()));
        }
        log.info("Demo data created: organizations DEMO and OTHER, {} users with the password from DEMO_PASSWORD",
                USERS.size());
        return new Created(Map.of("DEMO", demo.getId(), "OTHER", other.getId()), members);
    }
}
