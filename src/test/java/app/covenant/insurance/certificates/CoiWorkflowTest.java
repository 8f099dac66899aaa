package app.covenant.insurance.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.documents.DocumentFixtures;
import app.covenant.insurance.CertificateApproved;
import app.covenant.insurance.CoiStatus;
import app.covenant.insurance.brokers.BrokerContact;
import app.covenant.insurance.brokers.BrokerInfo;
import app.covenant.insurance.projects.SubcontractorAssigned;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The certificate workflow through its services, on the real database: the whole happy path with its e-mails,
 * standing and event; the rejection e-mail; every illegal transition (state × action → 409); per-policy
 * attestation; renewal, expiry and the master certificate shortcut; and the assignment event.
 */
@IntegrationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoiWorkflowTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CoiWorkflow workflow;
    @Autowired
    CoiDocuments documents;
    @Autowired
    CoiExpiry expiry;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    private InsuranceFixtures fixtures;
    private Tenant tenant;
    private Caller admin;
    private Caller manager;
    private Caller subUser;
    private Caller broker;
    private Caller gcUser;
    private UUID gc;

    @Autowired
    ApplicationEvents recorded;

    @BeforeAll
    void tenant() {
        fixtures = new InsuranceFixtures(jdbc);
        tenant = TestTenants.create(jdbc);
        admin = fixtures.caller(tenant, "ADMIN");
        manager = fixtures.caller(tenant, "MANAGER");
        subUser = fixtures.caller(tenant, "SUBCONTRACTOR");
        broker = fixtures.caller(tenant, "BROKER");
        gcUser = fixtures.caller(tenant, "CONTRACTOR");
        gc = fixtures.contractor(tenant, "GENERAL_CONTRACTOR", "Hudson Builders LLC", "gc@hudson.test");
        fixtures.link(gc, tenant.userId("CONTRACTOR"));
        fixtures.program(tenant, true);
    }

    record Setup(UUID sub, UUID project, UUID coi) {
    }

    /** A fresh sub (linked to the tenant's SUBCONTRACTOR) assigned to a fresh project, with its request. */
    private Setup requested(String... trades) {
        UUID sub = fixtures.contractor(tenant, "SUBCONTRACTOR", "Sub " + UUID.randomUUID(),
                "contact-" + UUID.randomUUID() + "@sub.test");
        fixtures.link(sub, tenant.userId("SUBCONTRACTOR"));
        fixtures.workFor(gc, sub);
        UUID project = fixtures.project(tenant, gc, "Tower " + UUID.randomUUID(), null, LocalDate.now().plusMonths(6), null);
        fixtures.assign(project, sub, trades);
        return new Setup(sub, project, workflow.request(manager, project, sub, null));
    }

    private BrokerInfo global() {
        return new BrokerInfo("GLOBAL", new BrokerContact("Brooke Broker", "Acme Insurance", tenant.email("BROKER"),
                "555-0100"), null);
    }

    private List<PolicyInput> compliantPolicies() {
        return List.of(new PolicyInput("GL", "Insurer A", "12345", "GL-1", LocalDate.now().minusMonths(1),
                LocalDate.now().plusYears(1), Map.of("EACH_OCCURRENCE", 1_000_000L, "GENERAL_AGGREGATE", 2_000_000L),
                true, true, true, false));
    }

    private void uploadAcord(UUID coi, Caller who) {
        documents.upload(who, coi, "ACORD25", null, "acord.pdf", new ByteArrayInputStream(DocumentFixtures.pdf()));
    }

    /** Drives a certificate to AWAITING_ADMIN_REVIEW with compliant policies. */
    private Setup underReview() {
        Setup setup = requested();
        workflow.brokerInfo(subUser, setup.coi(), global());
        uploadAcord(setup.coi(), broker);
        workflow.replacePolicies(broker, setup.coi(), compliantPolicies());
        workflow.submitUpload(broker, setup.coi());
        workflow.sign(broker, setup.coi(), "Brooke Broker", true);
        return setup;
    }

    @Test
    void the_whole_workflow_moves_records_audits_emails_and_publishes_the_approval() {
        Setup setup = requested();
        assertThat(fixtures.status(setup.coi())).isEqualTo("AWAITING_BROKER_INFO");
        assertThat(fixtures.standing(setup.sub())).isEqualTo("PENDING");
        String contact = jdbc.queryForObject("select contact_email from insurance_contractors where id = ?", String.class,
                setup.sub());
        assertThat(fixtures.outboxSubjects(contact)).anyMatch(s -> s.startsWith("Name your insurance broker"));

        workflow.brokerInfo(subUser, setup.coi(), global());
        assertThat(fixtures.status(setup.coi())).isEqualTo("AWAITING_BROKER_UPLOAD");
        assertThat(jdbc.queryForObject("select user_id from insurance_brokers where organization_id = ? and email = ?",
                UUID.class, tenant.organizationId(), tenant.email("BROKER"))).isEqualTo(tenant.userId("BROKER"));
        assertThat(fixtures.outboxBodies(tenant.email("BROKER"))).anyMatch(b -> b.contains("/insurance/certificates/"
                + setup.coi()));

        assertThatThrownBy(() -> workflow.submitUpload(broker, setup.coi())).isInstanceOf(ProblemException.class)
                .hasMessageContaining("ACORD 25").extracting(e -> ((ProblemException) e).status()).isEqualTo(409);
        uploadAcord(setup.coi(), broker);
        assertThatThrownBy(() -> workflow.submitUpload(broker, setup.coi()))
                .hasMessageContaining("at least one policy");
        workflow.replacePolicies(broker, setup.coi(), compliantPolicies());
        assertThat(jdbc.queryForObject("select earliest_expiration from insurance_cois where id = ?", LocalDate.class,
                setup.coi())).isEqualTo(LocalDate.now().plusYears(1));
        assertThatThrownBy(() -> workflow.submitUpload(gcUser, setup.coi())).extracting(e -> ((ProblemException) e).status())
                .isEqualTo(403);
        workflow.submitUpload(broker, setup.coi());
        assertThat(fixtures.status(setup.coi())).isEqualTo("AWAITING_BROKER_SIGNATURE");

        assertThatThrownBy(() -> workflow.sign(broker, setup.coi(), "Brooke", false)).extracting(e -> ((ProblemException) e).status())
                .isEqualTo(400);
        assertThatThrownBy(() -> workflow.sign(admin, setup.coi(), "Admin", true)).extracting(e -> ((ProblemException) e).status())
                .isEqualTo(403);
        workflow.sign(broker, setup.coi(), "Brooke Broker", true);
        assertThat(fixtures.status(setup.coi())).isEqualTo("AWAITING_ADMIN_REVIEW");
        assertThat(jdbc.queryForObject("select review_requested_at is not null from insurance_cois where id = ?",
                Boolean.class, setup.coi())).isTrue();
        assertThat(fixtures.outboxSubjects(tenant.email("MANAGER"))).anyMatch(s -> s.startsWith("Certificate of insurance to review"));

        workflow.review(manager, setup.coi(), true, List.of(), "All good");
        assertThat(fixtures.status(setup.coi())).isEqualTo("ACTIVE");
        assertThat(recorded.stream(CertificateApproved.class).filter(a -> a.coiId().equals(setup.coi()))).singleElement().satisfies(approval -> {
            assertThat(approval.coiId()).isEqualTo(setup.coi());
            assertThat(approval.approvedBy()).isEqualTo(tenant.userId("MANAGER"));
            assertThat(approval.gcId()).isEqualTo(gc);
        });
        assertThat(fixtures.standing(setup.sub())).isEqualTo("COMPLIANT");
        assertThat(jdbc.queryForList("select to_status from insurance_coi_transitions where coi_id = ? order by occurred_at",
                String.class, setup.coi())).containsExactly("AWAITING_BROKER_INFO", "AWAITING_BROKER_UPLOAD",
                "AWAITING_BROKER_SIGNATURE", "AWAITING_ADMIN_REVIEW", "ACTIVE");
        assertThat(jdbc.queryForList("select action from audit_log where target_id = ? order by occurred_at",
                String.class, setup.coi().toString())).contains("coi.created", "coi.broker-info-saved",
                "coi.upload-submitted", "coi.signed", "coi.approved");
    }

    @Test
    void approval_is_refused_while_a_finding_is_open_and_rejection_emails_the_deficiencies_to_broker_and_sub() {
        Setup setup = requested();
        workflow.brokerInfo(subUser, setup.coi(), global());
        uploadAcord(setup.coi(), broker);
        workflow.replacePolicies(broker, setup.coi(), List.of(new PolicyInput("GL", "Insurer A", null, "GL-LOW",
                LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1),
                Map.of("EACH_OCCURRENCE", 500_000L, "GENERAL_AGGREGATE", 2_000_000L), false, false, false, false)));
        workflow.submitUpload(broker, setup.coi());
        workflow.sign(broker, setup.coi(), "Brooke Broker", true);

        assertThatThrownBy(() -> workflow.review(manager, setup.coi(), true, List.of(), null))
                .hasMessageContaining("GL_EACH_OCCURRENCE_BELOW_MINIMUM")
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(409);
        workflow.review(manager, setup.coi(), false, List.of(), "Please raise the limit");

        assertThat(fixtures.status(setup.coi())).isEqualTo("DEFICIENCY_PENDING");
        assertThat(fixtures.standing(setup.sub())).isEqualTo("NON_COMPLIANT");
        assertThat(jdbc.queryForList("select code from insurance_coi_deficiencies where coi_id = ?", String.class,
                setup.coi())).containsExactly("GL_EACH_OCCURRENCE_BELOW_MINIMUM");
        String contact = jdbc.queryForObject("select contact_email from insurance_contractors where id = ?", String.class,
                setup.sub());
        for (String address : List.of(tenant.email("BROKER"), contact, tenant.email("SUBCONTRACTOR"))) {
            assertThat(fixtures.outboxBodies(address)).as(address).anyMatch(body -> body.contains("Corrections are needed")
                    && body.contains("General liability each occurrence is $500,000") && body.contains(setup.coi().toString()));
        }

        workflow.resubmit(subUser, setup.coi());
        assertThat(fixtures.status(setup.coi())).isEqualTo("AWAITING_BROKER_UPLOAD");
    }

    @Test
    void an_override_lets_the_reviewer_approve_and_is_audited() {
        Setup setup = requested("Roofing");
        workflow.brokerInfo(subUser, setup.coi(), global());
        uploadAcord(setup.coi(), broker);
        workflow.replacePolicies(broker, setup.coi(), compliantPolicies());
        workflow.submitUpload(broker, setup.coi());
        workflow.sign(broker, setup.coi(), "Brooke Broker", true);

        assertThatThrownBy(() -> workflow.override(manager, setup.coi(), "GL_EACH_OCCURRENCE_BELOW_MINIMUM", "GL", "short"))
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(400);
        workflow.override(manager, setup.coi(), "GL_EACH_OCCURRENCE_BELOW_MINIMUM", "GL", "Umbrella of $5M covers the gap");
        workflow.review(manager, setup.coi(), true, List.of(), null);

        assertThat(fixtures.status(setup.coi())).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where target_id = ? and action = "
                + "'coi.finding-overridden'", Integer.class, setup.coi().toString())).isOne();
    }

    @Test
    void per_policy_brokers_attest_their_own_lines_and_the_certificate_moves_when_all_have() {
        Setup setup = requested();
        UUID secondBrokerUser = TestTenants.addUser(jdbc, tenant, "second-broker-" + UUID.randomUUID() + "@brokers.test",
                "BROKER");
        String secondEmail = jdbc.queryForObject("select email from users where id = ?", String.class, secondBrokerUser);
        Caller second = new Caller(secondBrokerUser, secondEmail, "Second", tenant.organizationId(), java.util.Set.of("BROKER"),
                broker.permissions(), UUID.randomUUID());
        workflow.brokerInfo(subUser, setup.coi(), new BrokerInfo("PER_POLICY", null, Map.of(
                "GL", new BrokerContact("Brooke", null, tenant.email("BROKER"), null),
                "WC", new BrokerContact("Second", null, secondEmail, null))));
        uploadAcord(setup.coi(), broker);
        workflow.replacePolicies(broker, setup.coi(), compliantPolicies());
        assertThatThrownBy(() -> workflow.replacePolicies(broker, setup.coi(), List.of(new PolicyInput("WC", null, null,
                "WC-1", LocalDate.now(), LocalDate.now().plusYears(1), Map.of(), false, false, false, true))))
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(403);
        workflow.replacePolicies(second, setup.coi(), List.of(new PolicyInput("WC", null, null, "WC-1", LocalDate.now(),
                LocalDate.now().plusYears(1), Map.of("EL_EACH_ACCIDENT", 1_000_000L), false, false, false, true)));
        assertThat(jdbc.queryForList("select line from insurance_coi_policies where coi_id = ? order by line",
                String.class, setup.coi())).containsExactly("GL", "WC");
        workflow.submitUpload(broker, setup.coi());

        workflow.sign(broker, setup.coi(), "Brooke", true);
        assertThat(fixtures.status(setup.coi())).isEqualTo("AWAITING_BROKER_SIGNATURE");
        assertThatThrownBy(() -> workflow.sign(broker, setup.coi(), "Brooke", true))
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(409);
        workflow.sign(second, setup.coi(), "Second", true);
        assertThat(fixtures.status(setup.coi())).isEqualTo("AWAITING_ADMIN_REVIEW");
        assertThat(jdbc.queryForObject("select count(*) from insurance_coi_policies where coi_id = ? and attested_at is "
                + "not null", Integer.class, setup.coi())).isEqualTo(2);
    }

    @Test
    void expiry_renewal_and_the_master_certificate() {
        Setup setup = underReview();
        workflow.review(manager, setup.coi(), true, List.of(), null);
        assertThatThrownBy(() -> workflow.renew(manager, setup.coi())).extracting(e -> ((ProblemException) e).status())
                .isEqualTo(409);

        // The master certificate: another project of the same sub copies the active one, straight to review.
        UUID otherProject = fixtures.project(tenant, gc, "Other " + UUID.randomUUID(), null, null, null);
        fixtures.assign(otherProject, setup.sub());
        UUID copy = workflow.request(manager, otherProject, setup.sub(), null);
        workflow.useMasterCertificate(subUser, copy);
        assertThat(fixtures.status(copy)).isEqualTo("AWAITING_ADMIN_REVIEW");
        assertThat(jdbc.queryForObject("select count(*) from insurance_coi_policies where coi_id = ?", Integer.class, copy))
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from insurance_coi_documents where coi_id = ?", Integer.class, copy))
                .isOne();
        assertThat(jdbc.queryForObject("select copied_from_id from insurance_cois where id = ?", UUID.class, copy))
                .isEqualTo(setup.coi());

        // Expiry: the policy expired yesterday.
        jdbc.update("update insurance_cois set earliest_expiration = ? where id = ?", LocalDate.now().minusDays(1),
                setup.coi());
        CoiExpiry.Result result = expiry.runNow();
        assertThat(result.expired()).isGreaterThanOrEqualTo(1);
        assertThat(fixtures.status(setup.coi())).isEqualTo("EXPIRED");

        UUID renewal = workflow.renew(gcUser, setup.coi());
        assertThat(fixtures.status(renewal)).isEqualTo("AWAITING_BROKER_UPLOAD");
        assertThat(jdbc.queryForObject("select renewal_of_id from insurance_cois where id = ?", UUID.class, renewal))
                .isEqualTo(setup.coi());
        assertThat(jdbc.queryForList("select email from insurance_coi_brokers where coi_id = ?", String.class, renewal))
                .containsExactly(tenant.email("BROKER"));
        assertThatThrownBy(() -> workflow.renew(gcUser, setup.coi())).extracting(e -> ((ProblemException) e).status())
                .isEqualTo(409);
    }

    @Test
    void the_master_certificate_needs_an_active_certificate_elsewhere() {
        Setup setup = requested();
        assertThatThrownBy(() -> workflow.useMasterCertificate(subUser, setup.coi()))
                .hasMessageContaining("no active certificate").extracting(e -> ((ProblemException) e).status())
                .isEqualTo(409);
    }

    @Test
    void a_subcontractor_assignment_creates_exactly_one_request_with_the_subs_known_brokers() {
        Setup first = requested();
        workflow.brokerInfo(subUser, first.coi(), global());
        UUID project = fixtures.project(tenant, gc, "Assigned " + UUID.randomUUID(), null, null, null);
        fixtures.assign(project, first.sub(), "Electrical");
        SubcontractorAssigned event = new SubcontractorAssigned(tenant.organizationId(), project, first.sub(),
                UUID.randomUUID(), List.of("Electrical"), tenant.userId("MANAGER"), "Test MANAGER", tenant.email("MANAGER"));
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        transactions.executeWithoutResult(status -> events.publishEvent(event));

        List<String> statuses = jdbc.queryForList("select status from insurance_cois where project_id = ? and sub_id = ?",
                String.class, project, first.sub());
        assertThat(statuses).containsExactly("AWAITING_BROKER_UPLOAD");
    }

    // ---- every illegal transition answers 409 ----

    static final Map<String, BiConsumer<CoiWorkflowTest, UUID>> ACTIONS = Map.of(
            "broker-info", (t, id) -> t.workflow.brokerInfo(t.admin, id, t.global()),
            "submit-upload", (t, id) -> t.workflow.submitUpload(t.admin, id),
            "sign", (t, id) -> t.workflow.sign(t.broker, id, "Brooke", true),
            "review", (t, id) -> t.workflow.review(t.admin, id, false, List.of(new CoiWorkflow.DeficiencyInput("X", null,
                    "Fix it")), null),
            "resubmit", (t, id) -> t.workflow.resubmit(t.admin, id),
            "renew", (t, id) -> t.workflow.renew(t.admin, id),
            "use-master-certificate", (t, id) -> t.workflow.useMasterCertificate(t.admin, id),
            "override", (t, id) -> t.workflow.override(t.admin, id, "LINE_OF_COVERAGE_MISSING", "GL", "reason long enough"));

    static final Map<String, List<CoiStatus>> LEGAL = Map.of(
            "broker-info", List.of(CoiStatus.AWAITING_BROKER_INFO, CoiStatus.AWAITING_BROKER_UPLOAD),
            "submit-upload", List.of(CoiStatus.AWAITING_BROKER_UPLOAD),
            "sign", List.of(CoiStatus.AWAITING_BROKER_SIGNATURE),
            "review", List.of(CoiStatus.AWAITING_ADMIN_REVIEW),
            "resubmit", List.of(CoiStatus.DEFICIENCY_PENDING),
            "renew", List.of(CoiStatus.EXPIRED),
            "use-master-certificate", List.of(CoiStatus.AWAITING_BROKER_INFO, CoiStatus.AWAITING_BROKER_UPLOAD),
            "override", List.of(CoiStatus.AWAITING_ADMIN_REVIEW));

    static Stream<Arguments> illegalTransitions() {
        List<Arguments> cases = new ArrayList<>();
        for (String action : ACTIONS.keySet()) {
            for (CoiStatus status : CoiStatus.values()) {
                if (!LEGAL.get(action).contains(status)) {
                    cases.add(Arguments.of(action, status));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("illegalTransitions")
    void an_illegal_transition_answers_409_naming_the_status_and_changes_nothing(String action, CoiStatus status) {
        Setup setup = requested();
        workflow.brokerInfo(subUser, setup.coi(), global());
        // earliest expiration far away: an ACTIVE certificate is not renewable yet.
        jdbc.update("update insurance_cois set status = ?, earliest_expiration = ? where id = ?", status.name(),
                LocalDate.now().plusYears(1), setup.coi());

        assertThatThrownBy(() -> ACTIONS.get(action).accept(this, setup.coi())).isInstanceOf(ProblemException.class)
                .hasMessageContaining(status.name()).extracting(e -> ((ProblemException) e).status()).isEqualTo(409);
        assertThat(fixtures.status(setup.coi())).isEqualTo(status.name());
    }

}
