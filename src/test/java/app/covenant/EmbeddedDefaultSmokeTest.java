package app.covenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.stream.Stream;
import app.covenant.contracts.RichText;
import app.covenant.contracts.templates.ContractTemplates;
import app.covenant.contracts.templates.internal.TemplateFilling;
import app.covenant.documents.pdf.PdfDocument;
import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.extraction.Acord25Extraction;
import app.covenant.insurance.extraction.Acord25Extractor;
import app.covenant.support.PdfVerification;
import app.covenant.support.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default as a newcomer gets it: no variables, no services — an H2 file database
 * under the data directory (migrated), no Redis — and one journey through it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"DATA_DIR=target/smoke-data", "REDIS_URL=", "DATABASE_URL="})
@AutoConfigureTestRestTemplate
class EmbeddedDefaultSmokeTest {

    private static final Path DATA = Path.of("target/smoke-data");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectProvider<RedisConnectionFactory> redis;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ContractTemplates templates;

    private static final String PASSWORD = "Covenant-Demo-2026";
    // One sign-in per account for the whole class: JUnit makes an instance per test, and the embedded default keeps
    // its sign-in rate limit (10 a minute from one address) switched on.
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();

    @BeforeAll
    static void startFromNothing() throws IOException {
        if (Files.exists(DATA)) {
            try (Stream<Path> files = Files.walk(DATA)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void runsOnH2WithoutRedisAndServesTheHomePageAndHealth() {
        assertThat(http.getForObject("/health", JsonNode.class).get("status").asString()).isEqualTo("ok");

        JsonNode status = http.getForObject("/api/v1/system/status", JsonNode.class);
        assertThat(status.get("mode").asString()).isEqualTo("embedded");
        assertThat(status.get("databaseUp").asBoolean()).isTrue();
        assertThat(status.get("redis").asString()).isEqualTo("off");
        assertThat(redis.getIfAvailable()).as("no Redis connection factory without REDIS_URL").isNull();
        assertThat(DATA.resolve("covenant.mv.db")).exists();

        assertThat(http.getForEntity("/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        // The demo users of API.md exist on the embedded default only.
        String token = SignIn.tokens(http, "admin@covenant.test", "Covenant-Demo-2026").get("accessToken").asString();
        JsonNode me = SignIn.get(http, "/api/v1/auth/me", token).getBody();
        assertThat(me.get("organization").get("code").asString()).isEqualTo("DEMO");
        assertThat(me.get("roles").get(0).asString()).isEqualTo("ADMIN");
        assertThat(SignIn.get(http, "/api/v1/users?size=50", token).getBody().get("page").get("totalElements").asInt())
                .isEqualTo(10);
        // Members are searched and sorted in SQL of their own (MemberViews): on H2 too, "_" is no wildcard.
        assertThat(SignIn.get(http, "/api/v1/users?q=legal&sort=lastSignInAt,desc", token).getBody().get("page")
                .get("totalElements").asInt()).isEqualTo(2);
        assertThat(SignIn.get(http, "/api/v1/users?q=legal_", token).getBody().get("page").get("totalElements").asInt())
                .isZero();
        assertThat(SignIn.get(http, "/api/v1/nothing-here", token).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/v1/nothing-here", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** The insurance demo data of API.md: certificates in every state, seen by each demo person as they should. */
    @Test
    void theDemoOrganizationHasCertificatesInEveryStateAndOtherHasNone() {
        JsonNode all = api("/api/v1/cois?size=100", "manager@covenant.test").get("content");
        Map<String, JsonNode> bySubAndProject = new HashMap<>();
        all.forEach(coi -> bySubAndProject.put(coi.get("subcontractorName").asString() + " @ "
                + coi.get("projectName").asString(), coi));
        assertThat(bySubAndProject).hasSize(5);
        Map<String, String> statuses = new HashMap<>();
        bySubAndProject.forEach((key, coi) -> statuses.put(key, coi.get("status").asString()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Demo Electric Inc @ Gowanus Canal Residences", "ACTIVE",
                "Skyline Roofing Co @ Gowanus Canal Residences", "AWAITING_ADMIN_REVIEW",
                "Bedrock Excavation Corp @ Queens Plaza Medical Offices", "DEFICIENCY_PENDING",
                "Metro Plumbing & Heating @ Queens Plaza Medical Offices", "AWAITING_BROKER_INFO",
                "Demo Electric Inc @ Queens Plaza Medical Offices", "AWAITING_BROKER_UPLOAD"));

        // The active certificate's general liability policy expires in exactly 7 days.
        JsonNode active = bySubAndProject.get("Demo Electric Inc @ Gowanus Canal Residences");
        assertThat(lines(active.get("policies"))).containsExactly("GL", "AUTO", "UMBRELLA", "WC");
        assertThat(active.get("policies").get(0).get("expirationDate").asString())
                .isEqualTo(LocalDate.now(clock).plusDays(7).toString());
        assertThat(active.get("policies").get(0).get("limits").get("EACH_OCCURRENCE").asLong()).isEqualTo(1_000_000L);

        // The one awaiting review: an uploaded ACORD 25 saying what its policy rows say, and findings to judge.
        String review = bySubAndProject.get("Skyline Roofing Co @ Gowanus Canal Residences").get("id").asString();
        JsonNode detail = api("/api/v1/cois/" + review, "manager@covenant.test");
        assertThat(lines(detail.get("policies"))).containsExactly("GL", "AUTO", "UMBRELLA", "WC");
        List<String> kinds = new ArrayList<>();
        detail.get("documents").forEach(d -> kinds.add(d.get("kind").asString()));
        assertThat(kinds).containsExactlyInAnyOrder("ACORD25", "ENDORSEMENT", "ENDORSEMENT");
        JsonNode compliance = api("/api/v1/cois/" + review + "/compliance", "manager@covenant.test");
        assertThat(compliance.get("compliant").asBoolean()).isFalse();
        List<String> findings = new ArrayList<>();
        compliance.get("findings").forEach(f -> findings.add(f.get("code").asString()));
        assertThat(findings).containsExactlyInAnyOrder("UMBRELLA_EACH_OCCURRENCE_BELOW_MINIMUM",
                "UMBRELLA_AGGREGATE_BELOW_MINIMUM");
        String acord = null;
        for (JsonNode document : detail.get("documents")) {
            if ("ACORD25".equals(document.get("kind").asString())) {
                acord = document.get("documentId").asString();
            }
        }
        String text = acordText(acord, "broker@covenant.test");
        assertThat(text).contains("CERTIFICATE OF LIABILITY INSURANCE", "Skyline Roofing Co", "Demo Builders LLC",
                "Harborview Risk Advisors LLC", "$5,000,000");
        detail.get("policies").forEach(policy -> assertThat(text).contains(policy.get("policyNumber").asString(),
                policy.get("naic").asString()));
        // On the real ACORD 25 layout: the extractor reads back what the policy rows say.
        Acord25Extraction read = new Acord25Extractor(new PdfReader()).extract(acordBytes(acord, "broker@covenant.test"));
        assertThat(read.status()).isEqualTo(Acord25Extraction.Status.EXTRACTED);
        assertThat(read.producer()).isEqualTo("Harborview Risk Advisors LLC");
        assertThat(read.insured()).isEqualTo("Skyline Roofing Co");
        List<String> readPolicies = new ArrayList<>();
        read.policies().forEach(p -> readPolicies.add(p.line() + " " + p.policyNumber() + " " + p.expirationDate()));
        List<String> rowPolicies = new ArrayList<>();
        detail.get("policies").forEach(p -> rowPolicies.add(p.get("line").asString() + " "
                + p.get("policyNumber").asString() + " " + p.get("expirationDate").asString()));
        assertThat(readPolicies).containsExactlyElementsOf(rowPolicies);

        // The rejected one lists its deficiencies; the active one was approved with its finding overridden.
        JsonNode rejected = bySubAndProject.get("Bedrock Excavation Corp @ Queens Plaza Medical Offices");
        List<String> deficiencies = new ArrayList<>();
        rejected.get("deficiencies").forEach(d -> deficiencies.add(d.get("code").asString()));
        assertThat(deficiencies).contains("GL_EACH_OCCURRENCE_BELOW_MINIMUM", "WAIVER_OF_SUBROGATION_MISSING",
                "ENDORSEMENT_MISSING");
        JsonNode activeCompliance = api("/api/v1/cois/" + active.get("id").asString() + "/compliance",
                "manager@covenant.test");
        assertThat(activeCompliance.get("compliant").asBoolean()).isTrue();

        // broker@ sees the certificates they are named on; sub@ Demo Electric's; gc@ all of Demo Builders'.
        assertThat(subjects(api("/api/v1/cois?size=100", "broker@covenant.test"))).containsExactlyInAnyOrder(
                "Demo Electric Inc @ Gowanus Canal Residences", "Demo Electric Inc @ Queens Plaza Medical Offices",
                "Skyline Roofing Co @ Gowanus Canal Residences", "Bedrock Excavation Corp @ Queens Plaza Medical Offices");
        assertThat(subjects(api("/api/v1/cois?size=100", "sub@covenant.test"))).containsExactlyInAnyOrder(
                "Demo Electric Inc @ Gowanus Canal Residences", "Demo Electric Inc @ Queens Plaza Medical Offices");
        assertThat(subjects(api("/api/v1/cois?size=100", "gc@covenant.test"))).hasSize(5);
        assertThat(api("/api/v1/projects?size=100", "manager@covenant.test").get("page").get("totalElements").asInt())
                .isEqualTo(3);

        // Real e-mails and audit entries came with the transitions.
        assertThat(jdbc.queryForObject("select count(*) from email_outbox where to_address = 'broker@covenant.test' "
                + "and template = 'coi-action'", Integer.class)).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where module = 'insurance' and action = "
                + "'coi.approved'", Integer.class)).isEqualTo(1);

        // Nothing of it in OTHER (which has only the default program every organization starts with).
        UUID other = jdbc.queryForObject("select id from organizations where code = 'OTHER'", UUID.class);
        for (String table : List.of("insurance_contractors", "insurance_projects", "insurance_cois", "insurance_brokers")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where organization_id = ?", Integer.class,
                    other)).as(table + " in OTHER").isZero();
        }
        assertThat(api("/api/v1/cois", "admin@other.test").get("page").get("totalElements").asInt()).isZero();

        // The insurance pages render for the demo people.
        assertThat(page("/insurance", "manager@covenant.test")).contains("Gowanus Canal Residences",
                "Queens Plaza Medical Offices");
        assertThat(page("/insurance/reports", "manager@covenant.test")).contains("Bedrock Excavation Corp");
        assertThat(page("/insurance/reports?expiringDays=30", "manager@covenant.test")).contains("Demo Electric Inc",
                active.get("policies").get(0).get("policyNumber").asString());
        // broker@ and sub@ get their own overview: the general liability policy to renew within the week among it.
        String expiringGl = active.get("policies").get(0).get("policyNumber").asString();
        assertThat(page("/insurance", "broker@covenant.test")).contains(expiringGl);
        assertThat(page("/insurance", "sub@covenant.test")).contains(expiringGl);
    }

    /** Issue 12's "done when", on H2: the run's other path (NOT EXISTS, its run grouped in memory). */
    @Test
    void theReminderCheckRecordsTheDemoPolicysSevenDayReminderOnceWithItsDigests() {
        String admin = "admin@covenant.test";
        long digestsBefore = digests();
        ResponseEntity<JsonNode> first = SignIn.post(http, "/api/v1/reminders/check-expiring-policies", Map.of(),
                token(admin));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        int queued = first.getBody().get("emailsQueued").asInt();
        assertThat(first.getBody().get("remindersSent").asInt()).isPositive();
        assertThat(queued).isPositive();
        assertThat(digests() - digestsBefore).isEqualTo(queued);

        List<String> pending = new ArrayList<>();
        api("/api/v1/reminders/pending", admin).get("content").forEach(r ->
                pending.add(r.get("reminderType").asString() + " " + r.get("emailSubject").asString()));
        assertThat(pending).anySatisfy(r -> assertThat(r).startsWith("DAYS_7 [7 Days] URGENT GL policy")
                .contains("of Demo Electric Inc"));
        // Rendered when sent; the outbox page renders an unsent one to show it.
        String digest = jdbc.queryForObject("select id from email_outbox where template = 'reminder-digest'"
                + " order by created_at desc limit 1", String.class);
        assertThat(api("/api/v1/admin/outbox/" + digest, admin).get("bodyText").asString())
                .contains("[7 Days] URGENT GL policy", "/insurance/certificates/", "/acknowledge");

        JsonNode second = SignIn.post(http, "/api/v1/reminders/check-expiring-policies", Map.of(), token(admin))
                .getBody();
        assertThat(second.get("remindersSent").asInt()).isZero();
        assertThat(second.get("emailsQueued").asInt()).isZero();
        assertThat(digests() - digestsBefore).isEqualTo(queued);
    }

    private long digests() {
        return jdbc.queryForObject("select count(*) from email_outbox where template = 'reminder-digest'", Long.class);
    }

    @Test
    void subAtCovenantSignsTheDemoAgreementGcCountersignsAndTheCompletedPdfVerifies() {
        // Generated in the background once Demo Electric's approval committed (the demo program requires it).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from hold_harmless_agreements where status = 'PENDING_SUB_SIGNATURE'", Integer.class) == 1);
        JsonNode waiting = api("/api/v1/hold-harmless?status=PENDING_SUB_SIGNATURE", "sub@covenant.test").get("content");
        assertThat(waiting).hasSize(1);
        String id = waiting.get(0).get("id").asString();
        assertThat(waiting.get(0).get("subName").asString()).isEqualTo("Demo Electric Inc");
        assertThat(api("/api/v1/cois/" + waiting.get(0).get("coiId").asString(), "manager@covenant.test")
                .get("holdHarmlessStatus").asString()).isEqualTo("PENDING_SUB_SIGNATURE");

        Map<String, Object> typed = Map.of("signerName", "Sam Sub", "signatureType", "TYPED", "typedSignature",
                "Sam Sub", "consent", true);
        ResponseEntity<JsonNode> subSigned = SignIn.post(http, "/api/v1/hold-harmless/" + id + "/sub-signature", typed,
                token("sub@covenant.test"));
        assertThat(subSigned.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(subSigned.getBody().get("status").asString()).isEqualTo("PENDING_GC_SIGNATURE");
        ResponseEntity<JsonNode> gcSigned = SignIn.post(http, "/api/v1/hold-harmless/" + id + "/gc-signature",
                Map.of("signerName", "Gale Contractor", "signatureType", "TYPED", "typedSignature", "Gale Contractor",
                        "consent", true), token("gc@covenant.test"));
        assertThat(gcSigned.getStatusCode()).isEqualTo(HttpStatus.OK);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                api("/api/v1/hold-harmless/" + id, "manager@covenant.test").get("status").asString()));

        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token("gc@covenant.test"));
        ResponseEntity<byte[]> pdf = http.exchange("/api/v1/hold-harmless/" + id + "/document", HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode verified = PdfVerification.verify(http, pdf.getBody(), token("sub@covenant.test"));
        assertThat(verified.get("unchanged").asBoolean()).isTrue();
        assertThat(verified.get("sealValid").asBoolean()).isTrue();

        JsonNode stats = api("/api/v1/hold-harmless/stats", "manager@covenant.test");
        assertThat(stats.get("byStatus").get("COMPLETED").asLong()).isEqualTo(1);
        assertThat(stats.get("averageHoursToComplete").asDouble()).as("computed by H2 too").isGreaterThanOrEqualTo(0);
        assertThat(stats.get("overdue").asLong()).isZero();
    }

    /**
     * The contracts demo data is drafted from the seeded MUTUAL-NDA template (seeded by code, by nobody), never from
     * one the demo made itself: the global templates seed first, deterministically.
     */
    @Test
    void theDemoContractsAreFilledFromTheSeededMutualNdaTemplate() {
        Map<String, Object> template = jdbc.queryForMap("select t.id, t.current_version, v.created_by, v.body_html "
                + "from contract_templates t join contract_template_versions v on v.template_id = t.id "
                + "where t.code = 'MUTUAL-NDA' and t.owner_organization_id is null");
        assertThat(template.get("created_by")).as("seeded by code, not created by a demo person").isNull();
        assertThat(template.get("current_version")).isEqualTo(1);
        UUID templateId = (UUID) template.get("id");
        UUID demo = jdbc.queryForObject("select id from organizations where code = 'DEMO'", UUID.class);

        JsonNode page = api("/api/v1/contracts?size=50", "legal@covenant.test");
        assertThat(page.get("content")).hasSize(6);
        for (JsonNode summary : page.get("content")) {
            JsonNode contract = api("/api/v1/contracts/" + summary.get("id").asString(), "legal@covenant.test");
            assertThat(contract.get("templateId").asString()).isEqualTo(templateId.toString());
            assertThat(contract.get("templateVersion").asInt()).isEqualTo(1);
            Map<String, String> values = new HashMap<>();
            contract.get("variables").properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
            String expected = RichText.clean(TemplateFilling.fill(templates.version(demo, templateId, 1), values)
                    .bodyHtml());
            assertThat(contract.get("bodyHtml").asString()).as(contract.get("title").asString()).isEqualTo(expected)
                    .contains(contract.get("counterpartyName").asString());
        }
    }

    /** The approval queues on H2: legal's holds the demo NDA in legal review, the head of legal's also the escalated one. */
    @Test
    void theDemoApprovalQueuesArePagedOnTheEmbeddedDatabase() {
        JsonNode legal = api("/api/v1/approvals/pending?type=LEGAL", "legal@covenant.test");
        assertThat(legal.get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(legal.get("content").get(0).get("contractStatus").asString()).isEqualTo("SENT_TO_LEGAL");
        JsonNode head = api("/api/v1/approvals/pending?type=LEGAL&sort=contractTitle,desc", "legalhead@covenant.test");
        assertThat(head.get("content").findValuesAsString("status")).contains("PENDING", "ESCALATED");
        assertThat(page("/contracts/approvals", "legal@covenant.test"))
                .contains(legal.get("content").get(0).get("contractTitle").asString()).contains("data-quick-approve");
    }

    private JsonNode api(String path, String email) {
        ResponseEntity<JsonNode> response = SignIn.get(http, path, token(email));
        assertThat(response.getStatusCode()).as("GET " + path + " as " + email).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private String page(String path, String email) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token(email));
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).as("GET " + path + " as " + email).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private String acordText(String documentId, String email) {
        try (PdfDocument document = new PdfReader().open(acordBytes(documentId, email))) {
            return document.text().all();
        }
    }

    private byte[] acordBytes(String documentId, String email) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token(email));
        ResponseEntity<byte[]> pdf = http.exchange("/api/v1/documents/" + documentId + "/content", HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        return pdf.getBody();
    }

    private String token(String email) {
        return tokens.computeIfAbsent(email, e -> SignIn.tokens(http, e, PASSWORD).get("accessToken").asString());
    }

    private static List<String> lines(JsonNode policies) {
        List<String> lines = new ArrayList<>();
        policies.forEach(p -> lines.add(p.get("line").asString()));
        return lines;
    }

    private static List<String> subjects(JsonNode page) {
        List<String> subjects = new ArrayList<>();
        page.get("content").forEach(coi -> subjects.add(coi.get("subcontractorName").asString() + " @ "
                + coi.get("projectName").asString()));
        return subjects;
    }
}
