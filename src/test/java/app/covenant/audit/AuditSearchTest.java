package app.covenant.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.audit.internal.AuditFilter;
import app.covenant.audit.internal.AuditLogEntry;
import app.covenant.audit.internal.AuditScope;
import app.covenant.audit.internal.AuditSearch;
import app.covenant.shared.security.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

/** Reading the log: scoped to the reader's organization and clearance, filtered, paged, newest first. */
@AuditIntegrationTest
class AuditSearchTest {

    // Fresh per test (JUnit makes an instance per test), so earlier tests' entries never count.
    final UUID orgA = UUID.randomUUID();
    final UUID orgB = UUID.randomUUID();
    final UUID alice = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditSearch search;

    @Autowired
    MutableClock clock;

    String tag;

    @BeforeEach
    void entriesInTwoOrganizations() {
        tag = AuditTrailTest.unique("t");
        // a-1..a-3 in A a minute apart, one of them legal only; b-1 in B; one without organization.
        trail.record(entry("user.invited", orgA, alice, "a-1").after(Map.of("token", "secret-value")));
        clock.advance(Duration.ofMinutes(1));
        trail.record(entry("user.updated", orgA, bob, "a-2"));
        clock.advance(Duration.ofMinutes(1));
        trail.record(entry("contract.reviewed", orgA, alice, "a-3").visibility(AuditVisibility.LEGAL_ONLY));
        trail.record(entry("user.invited", orgB, bob, "b-1"));
        trail.record(AuditEntry.of("identity", "auth.sign-in.failed").target("email", tag).actor(null, "x@y.test"));
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void readersSeeOnlyTheirOrganizationAndLegalEntriesOnlyWithClearance() {
        assertThat(targets(reader(orgA, "audit:read"), none())).containsExactly("a-2", "a-1");
        assertThat(targets(reader(orgA, "audit:read", "audit:read:legal"), none())).containsExactly("a-3", "a-2", "a-1");
        assertThat(targets(reader(orgB, "audit:read"), none())).containsExactly("b-1");
        assertThat(targets(reader(UUID.randomUUID(), "audit:read", "audit:read:legal"), none())).isEmpty();
        Caller operator = new Caller(UUID.randomUUID(), "root@covenant.test", "Root", orgA, Set.of(Caller.SUPER_ADMIN),
                Set.of("audit:read", "audit:read:legal"), UUID.randomUUID());
        AuditFilter withoutOrganization = new AuditFilter(null, null, null, null, tag, null, null);
        assertThat(search.search(AuditScope.of(operator), withoutOrganization, PageRequest.of(0, 10)).getContent())
                .as("the operator sees every organization, and entries of none").hasSize(1);
        assertThat(search.search(AuditScope.of(reader(orgA, "audit:read")), withoutOrganization, PageRequest.of(0, 10))
                .getContent()).isEmpty();
    }

    @Test
    void filtersByModuleActionActorTargetAndTime() {
        Caller legal = reader(orgA, "audit:read", "audit:read:legal");
        assertThat(targets(legal, new AuditFilter("contracts", null, null, null, null, null, null))).containsExactly("a-3");
        assertThat(targets(legal, new AuditFilter(null, "user.invited", null, null, null, null, null))).containsExactly("a-1");
        assertThat(targets(legal, new AuditFilter(null, null, alice, null, null, null, null))).containsExactly("a-3", "a-1");
        assertThat(targets(legal, new AuditFilter(null, null, null, null, "a-2", null, null))).containsExactly("a-2");
        Instant secondAt = first(legal, new AuditFilter(null, null, null, null, "a-2", null, null)).occurredAt();
        assertThat(targets(legal, new AuditFilter(null, null, null, null, null, secondAt, null))).containsExactly("a-3", "a-2");
        assertThat(targets(legal, new AuditFilter(null, null, null, null, null, null, secondAt))).containsExactly("a-1");
    }

    @Test
    void pagesNewestFirstAtMostOneHundredAndShowsRedactedValues() {
        Caller legal = reader(orgA, "audit:read", "audit:read:legal");
        Page<AuditLogEntry> first = search.search(AuditScope.of(legal), none(), PageRequest.of(0, 2));
        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(first.getTotalPages()).isEqualTo(2);
        assertThat(first.getContent()).extracting(AuditLogEntry::targetId).containsExactly("a-3", "a-2");
        assertThat(search.search(AuditScope.of(legal), none(), PageRequest.of(1, 2)).getContent())
                .extracting(AuditLogEntry::targetId).containsExactly("a-1");
        assertThat(search.search(AuditScope.of(legal), none(), PageRequest.of(0, 500)).getSize()).isEqualTo(100);
        assertThat(search.search(AuditScope.of(legal), none(), PageRequest.of(0, 10, Sort.by("occurredAt")))
                .getContent()).extracting(AuditLogEntry::targetId).containsExactly("a-1", "a-2", "a-3");

        AuditLogEntry invited = first(legal, new AuditFilter(null, "user.invited", null, null, null, null, null));
        assertThat(invited.after().get("token").asString()).isEqualTo("[REDACTED]");
        assertThat(invited.before()).isNull();
        assertThat(invited.hash()).hasSize(64);
    }

    @Test
    void refusesReadersWithoutThePermission() {
        assertThatThrownBy(() -> AuditScope.of(reader(orgA, "users:read"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AuditScope.of(null)).isInstanceOf(AccessDeniedException.class);
    }

    private AuditEntry entry(String action, UUID organization, UUID actor, String target) {
        String module = action.startsWith("contract") ? "contracts" : "identity";
        return AuditEntry.of(module, action).organization(organization).actor(actor, null).target(tag, target);
    }

    // Only this test's entries: its organizations are fresh, and the tag marks them as target type.
    private List<String> targets(Caller caller, AuditFilter filter) {
        return search.search(AuditScope.of(caller), filter, PageRequest.of(0, 100)).getContent().stream()
                .filter(entry -> tag.equals(entry.targetType())).map(AuditLogEntry::targetId).toList();
    }

    private AuditLogEntry first(Caller caller, AuditFilter filter) {
        return search.search(AuditScope.of(caller), filter, PageRequest.of(0, 1)).getContent().getFirst();
    }

    private static AuditFilter none() {
        return AuditFilter.none();
    }

    static Caller reader(UUID organization, String... permissions) {
        return new Caller(UUID.randomUUID(), "reader@covenant.test", "Reader", organization, Set.of("ADMIN"),
                Set.of(permissions), UUID.randomUUID());
    }
}
