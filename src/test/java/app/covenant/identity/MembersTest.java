package app.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.Members.Member;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The query API identity offers the modules above it: who holds a permission, who is who by id. */
@IntegrationTest
class MembersTest {

    @Autowired
    Members members;

    @Autowired
    JdbcTemplate jdbc;

    private Tenant tenant;
    private Tenant other;

    @BeforeEach
    void tenants() {
        tenant = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
    }

    @Test
    void holdersAreTheActiveMembersWhoseRoleHoldsThePermission() {
        // user:read: MANAGER by declaration, ADMIN and SUPER_ADMIN by rule.
        assertThat(members.holding(tenant.organizationId(), "user:read")).extracting(Member::userId)
                .containsExactlyInAnyOrder(tenant.userId("MANAGER"), tenant.userId("ADMIN"), tenant.userId("SUPER_ADMIN"));
        assertThat(members.holding(tenant.organizationId(), "user:read")).allSatisfy(member -> {
            assertThat(member.active()).isTrue();
            assertThat(member.email()).endsWith("@" + tenant.code().toLowerCase() + ".test");
        });
        assertThat(members.holding(tenant.organizationId(), "no:such-permission")).isEmpty();
    }

    @Test
    void suspendedAndPendingMembershipsAndDeactivatedAccountsAreNoHolders() {
        UUID suspended = TestTenants.addUser(jdbc, tenant, "suspended@" + tenant.code() + ".test", "MANAGER");
        UUID pending = TestTenants.addUser(jdbc, tenant, "pending@" + tenant.code() + ".test", "MANAGER");
        UUID deactivated = TestTenants.addUser(jdbc, tenant, "gone@" + tenant.code() + ".test", "MANAGER");
        membership(suspended, "SUSPENDED");
        membership(pending, "PENDING");
        jdbc.update("update users set status = 'DEACTIVATED' where id = ?", deactivated);

        List<UUID> holders = members.holding(tenant.organizationId(), "user:read").stream().map(Member::userId).toList();

        assertThat(holders).contains(tenant.userId("MANAGER")).doesNotContain(suspended, pending, deactivated);
    }

    @Test
    void holdersOfAnotherOrganizationAreNeverIncluded() {
        // The other organization's manager also holds user:read, in their organization only.
        assertThat(members.holding(tenant.organizationId(), "user:read")).extracting(Member::userId)
                .doesNotContainAnyElementsOf(other.userIds().values());
        assertThat(members.holding(other.organizationId(), "user:read")).extracting(Member::userId)
                .contains(other.userId("MANAGER")).doesNotContain(tenant.userId("MANAGER"));
    }

    @Test
    void namesAndAddressesByIdStayWithinTheOrganization() {
        UUID pending = TestTenants.addUser(jdbc, tenant, "pending@" + tenant.code() + ".test", "USER");
        membership(pending, "PENDING");
        jdbc.update("update memberships set invited_name = 'As Invited' where user_id = ?", pending);
        UUID deactivated = tenant.userId("BROKER");
        jdbc.update("update users set status = 'DEACTIVATED' where id = ?", deactivated);

        Map<UUID, Member> found = members.byIds(tenant.organizationId(), List.of(tenant.userId("LEGAL_HEAD"), pending,
                deactivated, other.userId("ADMIN"), UUID.randomUUID()));

        assertThat(found).containsOnlyKeys(tenant.userId("LEGAL_HEAD"), pending, deactivated);
        assertThat(found.get(tenant.userId("LEGAL_HEAD"))).isEqualTo(new Member(tenant.userId("LEGAL_HEAD"),
                "Test LEGAL_HEAD", tenant.email("LEGAL_HEAD"), true));
        assertThat(found.get(pending).name()).as("the name the inviting administrator typed").isEqualTo("As Invited");
        assertThat(found.get(pending).active()).isFalse();
        assertThat(found.get(deactivated).active()).isFalse();
        assertThat(members.byIds(tenant.organizationId(), List.of())).isEmpty();
    }

    private void membership(UUID userId, String status) {
        jdbc.update("update memberships set status = ? where user_id = ? and organization_id = ?", status, userId,
                tenant.organizationId());
    }
}
