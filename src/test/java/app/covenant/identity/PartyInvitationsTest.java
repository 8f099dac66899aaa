package app.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.identity.PartyInvitations.Invited;
import app.covenant.identity.PartyInvitations.PartyRole;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A module invites an outside party (a sub's contact, a broker) by link, with a party role and nothing more. */
@IntegrationTest
class PartyInvitationsTest {

    @Autowired
    PartyInvitations invitations;

    @Autowired
    JdbcTemplate jdbc;

    private Tenant tenant;
    private Caller subcontractor;

    @BeforeEach
    void tenant() {
        tenant = TestTenants.create(jdbc);
        // A subcontractor holds none of the broker's permissions, yet names (and so invites) its broker.
        subcontractor = new Caller(tenant.userId("SUBCONTRACTOR"), tenant.email("SUBCONTRACTOR"), "Sub Person",
                tenant.organizationId(), Set.of("SUBCONTRACTOR"), Set.of("coi:read", "coi:broker-info"), null);
    }

    @Test
    void aNewAddressBecomesAnInvitedAccountWithAPendingMembershipOfThePartyRoleAndALink() {
        String email = "Broker.One@agency-" + tenant.code().toLowerCase() + ".test";

        Invited invited = invitations.invite(subcontractor, email, "Bea Broker", PartyRole.BROKER);

        assertThat(invited.newInvitation()).isTrue();
        Map<String, Object> membership = jdbc.queryForMap("select m.status, r.code, m.invited_by, u.status as account, "
                + "u.password_hash from memberships m join roles r on r.id = m.role_id join users u on u.id = m.user_id "
                + "where m.user_id = ? and m.organization_id = ?", invited.userId(), tenant.organizationId());
        assertThat(membership).containsEntry("status", "PENDING").containsEntry("code", "BROKER")
                .containsEntry("invited_by", tenant.userId("SUBCONTRACTOR")).containsEntry("account", "INVITED");
        assertThat(membership.get("password_hash")).as("never a password, only the link").isNull();
        assertThat(jdbc.queryForObject("select count(*) from email_outbox where to_address = ? and subject like ?",
                Long.class, "broker.one@agency-" + tenant.code().toLowerCase() + ".test", "%invited you%"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'user.invited' and target_id = ?",
                Long.class, invited.userId().toString())).isEqualTo(1);
    }

    @Test
    void someoneAlreadyInTheOrganizationIsAnsweredNotInvitedAgain() {
        Invited first = invitations.invite(subcontractor, "twice@agency.test", "Twice", PartyRole.BROKER);
        Invited again = invitations.invite(subcontractor, "TWICE@agency.test", "Twice", PartyRole.BROKER);
        Invited member = invitations.invite(subcontractor, tenant.email("BROKER"), "Existing", PartyRole.BROKER);

        assertThat(again).isEqualTo(new Invited(first.userId(), false));
        assertThat(member).isEqualTo(new Invited(tenant.userId("BROKER"), false));
        assertThat(jdbc.queryForObject("select count(*) from memberships where user_id = ?", Long.class, first.userId()))
                .isEqualTo(1);
    }

    @Test
    void anUndeliverableAddressIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> invitations.invite(subcontractor, "broker@localhost", "No Domain", PartyRole.BROKER))
                .isInstanceOf(ProblemException.class);

        assertThat(jdbc.queryForObject("select count(*) from users where email_normalized = 'broker@localhost'",
                Long.class)).isZero();
    }

    @Test
    void theInvitationIsIntoTheInvitersOwnOrganizationOnly() {
        Tenant other = TestTenants.create(jdbc);

        UUID invited = invitations.invite(subcontractor, "scoped@agency.test", null, PartyRole.SUBCONTRACTOR).userId();

        assertThat(jdbc.queryForList("select organization_id from memberships where user_id = ?", UUID.class, invited))
                .containsExactly(tenant.organizationId()).doesNotContain(other.organizationId());
    }
}
