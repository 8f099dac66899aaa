package app.covenant.identity.internal;

import app.covenant.identity.IdentityProperties;
import app.covenant.identity.SystemRole;
import app.covenant.platform.config.PlatformProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start of an empty production database: creates the organization ({@code ORG_NAME},
 * {@code ORG_CODE}) and invites {@code ADMIN_EMAIL} as super administrator with a 24-hour link — by
 * e-mail, and once in the log so an operator without working e-mail can finish setting up. There is
 * no default password anywhere.
 */
@Component
class FirstStart {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final Duration LINK_LIFETIME = Duration.ofHours(24);

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final RoleRepository roles;
    private final MembershipRepository memberships;
    private final OneTimeLinks links;
    private final Clock clock;
    private final String adminEmail;
    private final String organizationName;
    private final String organizationCode;

    FirstStart(OrganizationRepository organizations, UserRepository users, RoleRepository roles,
               MembershipRepository memberships, OneTimeLinks links, Clock clock, IdentityProperties properties) {
        this.organizations = organizations;
        this.users = users;
        this.roles = roles;
        this.memberships = memberships;
        this.links = links;
        this.clock = clock;
        this.adminEmail = properties.firstStart().adminEmail();
        this.organizationName = properties.firstStart().organizationName();
        this.organizationCode = properties.firstStart().organizationCode();
    }

    @Transactional
    void inviteFirstAdministrator() {
        if (users.count() > 0) {
            return;
        }
        if (adminEmail == null || adminEmail.isBlank()) {
            log.warn("No user exists yet. Set ADMIN_EMAIL (and ORG_NAME, ORG_CODE) and restart to invite the first "
                    + "super administrator.");
            return;
        }
        Instant now = clock.instant();
        Organization organization = organizations.findByCode(organizationCode.toUpperCase(Locale.ROOT))
                .orElseGet(() -> organizations.save(new Organization(organizationCode, organizationName,
                        Organization.Type.PARENT, null, now)));
        User admin = users.save(new User(adminEmail, adminEmail, User.Status.INVITED, now));
        Role superAdmin = roles.findSystem(SystemRole.SUPER_ADMIN.name()).orElseThrow();
        Membership membership = memberships.save(Membership.invited(admin.getId(), organization.getId(),
                superAdmin.getId(), now, null, null));
        String link = links.sendInvitation(admin, membership, LINK_LIFETIME, "Finish setting up Covenant",
                Map.of("inviterName", "Covenant", "organizationName", organization.name(),
                        "roleName", SystemRole.SUPER_ADMIN.displayName()));
        // Written once, on purpose: the only way in when e-mail is not working yet. Single use, 24 hours.
        log.warn("First start: invited {} as super administrator. If the e-mail does not arrive, open {}", adminEmail,
                link);
    }
}
