package app.covenant.holdharmless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.SmtpOutboxTestSupport;
import app.covenant.support.PageClient;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hold-harmless pages (issue 13): the list with its status filter and statistics, an agreement's page with the
 * actions each role may take (retry, resend, sign now), the signed-in signing page, the certificate page's section,
 * the home cards, and 404 for another organization, another sub and brokers.
 */
class HoldHarmlessPagesTest extends SmtpOutboxTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;
    @LocalServerPort
    int port;

    private HoldHarmlessFixtures f;

    @BeforeEach
    void certificate() {
        f = new HoldHarmlessFixtures(jdbcTemplate, transactions, events, clock, uniqueAddress("sub"),
                uniqueAddress("gc"));
    }

    @Test
    void theListFiltersByStatusAndShowsStatisticsToManagers() {
        UUID id = f.approve();
        f.awaitStatus(id, "PENDING_SUB_SIGNATURE");
        String row = "data-agreement=\"" + id + "\"";

        String admin = as("ADMIN").get("/hold-harmless").body();
        assertThat(admin).contains(row).contains("Hudson Tower").contains("Spark &amp; Sons Electric")
                .contains("data-status=\"PENDING_SUB_SIGNATURE\"").contains("id=\"hold-harmless-stats\"")
                .contains("href=\"/hold-harmless\"").doesNotContain("style=\"");
        assertThat(as("MANAGER").get("/hold-harmless").body()).contains(row).contains("id=\"hold-harmless-stats\"")
                .contains("Average hours to complete").contains("Overdue (over 7 days)");
        assertThat(as("ADMIN").get("/hold-harmless?status=PENDING_SUB_SIGNATURE").body()).contains(row);
        String completed = as("ADMIN").get("/hold-harmless?status=COMPLETED").body();
        assertThat(completed).doesNotContain(row).contains("No agreements with this status");
        assertThat(as("ADMIN").get("/hold-harmless?status=NOPE").statusCode()).isEqualTo(400);

        String sub = as("SUBCONTRACTOR").get("/hold-harmless").body();
        assertThat(sub).contains(row).doesNotContain("id=\"hold-harmless-stats\"");
        assertThat(as("CONTRACTOR").get("/hold-harmless").body()).contains(row);

        assertThat(as("BROKER").get("/hold-harmless").statusCode()).as("brokers see no agreement").isEqualTo(403);
        assertThat(as("BROKER").get("/").body()).as("and no navigation item").doesNotContain("href=\"/hold-harmless\"");
        assertThat(asOther("ADMIN").get("/hold-harmless").body()).doesNotContain(row);
        HttpResponse<String> user = as("USER").get("/hold-harmless");
        assertThat(user.statusCode()).isEqualTo(403);
        assertThat(as("USER").get("/").body()).as("no navigation item without holdharmless:read")
                .doesNotContain("href=\"/hold-harmless\"");
    }

    @Test
    void theAgreementPageShowsEachRoleItsActionsAndAnswers404ToOthers() {
        UUID id = f.approve();
        f.awaitStatus(id, "PENDING_SUB_SIGNATURE");
        String page = "/hold-harmless/" + id;

        String admin = as("ADMIN").get(page).body();
        assertThat(admin).contains("data-status=\"PENDING_SUB_SIGNATURE\"").contains("data-status=\"ACTIVE\"")
                .contains("/insurance/certificates/" + f.coi).contains("Hudson Builders").contains(f.subEmail)
                .contains("id=\"hold-harmless-resend\"").contains("/api/v1/hold-harmless/" + id + "/document")
                .contains("id=\"hold-harmless-envelope\"").doesNotContain("id=\"hold-harmless-retry\"")
                .doesNotContain("id=\"hold-harmless-sign\"").doesNotContain("style=\"");
        assertThat(as("MANAGER").get(page).body()).contains("id=\"hold-harmless-resend\"");

        String sub = as("SUBCONTRACTOR").get(page).body();
        assertThat(sub).contains("id=\"hold-harmless-sign\"").contains("/hold-harmless/" + id + "/sign")
                .doesNotContain("id=\"hold-harmless-resend\"");
        String gc = as("CONTRACTOR").get(page).body();
        assertThat(gc).as("not the GC's turn yet").doesNotContain("id=\"hold-harmless-sign\"")
                .doesNotContain("id=\"hold-harmless-resend\"");

        String signPage = as("SUBCONTRACTOR").get(page + "/sign").body();
        assertThat(signPage).contains("data-api=\"/api/v1/hold-harmless/" + id + "/sub-signature\"")
                .contains("data-done=\"/hold-harmless/" + id + "?done=hold-harmless-signed\"")
                .contains("ESIGN_DISCLOSURE_V1").contains("/js/signing.js").doesNotContain("style=\"");
        assertThat(signPage).as("declining signed in, not only by the e-mailed link").contains("data-decline-form")
                .contains("data-api=\"/api/v1/hold-harmless/" + id + "/decline\"")
                .contains("data-done=\"/hold-harmless/" + id + "?done=hold-harmless-declined\"")
                .contains("id=\"decline-reason\"").doesNotContain("use the signing link we e-mailed");
        assertThat(as("CONTRACTOR").get(page + "/sign").body()).contains("Nothing for you to sign")
                .doesNotContain("id=\"signing-form\"").doesNotContain("data-decline-form");

        assertThat(as("BROKER").get(page).statusCode()).isEqualTo(403);
        assertThat(asOther("ADMIN").get(page).statusCode()).isEqualTo(404);
        assertThat(asOther("ADMIN").get(page + "/sign").statusCode()).isEqualTo(404);
        assertThat(as("ADMIN").get("/hold-harmless/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        String otherSub = "other-sub-" + UUID.randomUUID().toString().substring(0, 8) + "@"
                + f.tenant.code().toLowerCase() + ".test";
        TestTenants.addUser(jdbcTemplate, f.tenant, otherSub, "SUBCONTRACTOR");
        HttpResponse<String> notTheirs = new PageClient(port, SignIn.accessToken(http, otherSub)).get(page);
        assertThat(notTheirs.statusCode()).as("a sub of another certificate").isEqualTo(404);
    }

    @Test
    void resendComesBackWithAFlashAndANewLinkOnlyForManagers() {
        UUID id = f.approve();
        f.awaitStatus(id, "PENDING_SUB_SIGNATURE");
        await().atMost(Duration.ofSeconds(15)).until(() -> receivedFor(f.subEmail).size() == 1);
        String page = "/hold-harmless/" + id;

        HttpResponse<String> resent = as("MANAGER").post(page, page + "/resend", List.<String[]>of());
        assertThat(resent.statusCode()).isEqualTo(302);
        assertThat(resent.headers().firstValue("Location").orElseThrow())
                .endsWith(page + "?done=hold-harmless-resent");
        assertThat(as("MANAGER").get(page + "?done=hold-harmless-resent").body())
                .contains("A new signing link is on its way");
        await().atMost(Duration.ofSeconds(15)).until(() -> receivedFor(f.subEmail).size() == 2);
    }

    @Test
    void aFailedGenerationShowsItsErrorAndManagersRetryIt() {
        f.breakTemplate();
        UUID id = f.approve();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcTemplate.queryForObject(
                "select generation_error from hold_harmless_agreements where id = ?", String.class, id) != null);
        String page = "/hold-harmless/" + id;

        String manager = as("MANAGER").get(page).body();
        assertThat(manager).contains("data-status=\"PENDING_GENERATION\"").contains("{{NOT_A_FIELD}}")
                .contains("id=\"hold-harmless-retry\"").doesNotContain("id=\"hold-harmless-resend\"")
                .doesNotContain("id=\"hold-harmless-document\"");
        assertThat(as("SUBCONTRACTOR").get(page).body()).doesNotContain("id=\"hold-harmless-retry\"");

        HttpResponse<String> stillBroken = as("MANAGER").post(page, page + "/retry-generation", List.<String[]>of());
        assertThat(stillBroken.statusCode()).isEqualTo(302);
        assertThat(stillBroken.headers().firstValue("Location").orElseThrow()).endsWith(page);
        f.fixTemplate();
        HttpResponse<String> retried = as("MANAGER").post(page, page + "/retry-generation", List.<String[]>of());
        assertThat(retried.headers().firstValue("Location").orElseThrow()).endsWith(page + "?done=hold-harmless-retried");
        assertThat(f.status(id)).isEqualTo("PENDING_SUB_SIGNATURE");
        assertThat(as("MANAGER").get(page + "?done=hold-harmless-retried").body())
                .contains("The agreement was generated again.").contains("id=\"hold-harmless-resend\"")
                .doesNotContain("id=\"hold-harmless-retry\"");
    }

    @Test
    void aDeclinedAgreementShowsItsReasonAndNoActions() {
        UUID id = f.approve();
        f.awaitStatus(id, "PENDING_SUB_SIGNATURE");
        // As EnvelopeFollower records a decline (HoldHarmlessFlowTest declines through the link itself).
        jdbcTemplate.update("update hold_harmless_agreements set status = 'REJECTED', rejection_reason = ?,"
                + " rejected_at = ? where id = ?", "Wrong project address", Timestamp.from(clock.instant()), id);
        String manager = as("MANAGER").get("/hold-harmless/" + id).body();
        assertThat(manager).contains("data-status=\"REJECTED\"").contains("Wrong project address")
                .doesNotContain("id=\"hold-harmless-resend\"").doesNotContain("id=\"hold-harmless-retry\"");
        assertThat(as("SUBCONTRACTOR").get("/hold-harmless/" + id).body()).doesNotContain("id=\"hold-harmless-sign\"");
        assertThat(as("MANAGER").get("/hold-harmless?status=REJECTED").body()).contains("data-agreement=\"" + id + "\"");
    }

    @Test
    void theCertificatePageShowsTheAgreementAndSignNowToTheSub() {
        String certificate = "/insurance/certificates/" + f.coi;
        assertThat(as("ADMIN").get(certificate).body()).as("no agreement yet").doesNotContain("id=\"hold-harmless\"");
        UUID id = f.approve();
        f.awaitStatus(id, "PENDING_SUB_SIGNATURE");

        String admin = as("ADMIN").get(certificate).body();
        assertThat(admin).contains("id=\"hold-harmless\"").contains("href=\"/hold-harmless/" + id + "\"")
                .doesNotContain("id=\"hold-harmless-section-sign\"");
        HttpResponse<String> sub = as("SUBCONTRACTOR").get(certificate);
        assertThat(sub.statusCode()).isEqualTo(200);
        assertThat(sub.body()).contains("id=\"hold-harmless\"").contains("id=\"hold-harmless-section-sign\"")
                .contains("href=\"/hold-harmless/" + id + "/sign\"");
    }

    @Test
    void theHomeCardsAppearForWhoseTurnItIsAndForOverdueSignatures() {
        UUID id = f.approve();
        f.awaitStatus(id, "PENDING_SUB_SIGNATURE");
        assertThat(as("SUBCONTRACTOR").get("/").body()).contains("Hold-harmless agreements to sign")
                .contains("/hold-harmless/" + id + "/sign");
        assertThat(as("CONTRACTOR").get("/").body()).doesNotContain("Hold-harmless agreements to sign");
        assertThat(as("MANAGER").get("/").body()).doesNotContain("Overdue signatures");

        jdbcTemplate.update("update hold_harmless_agreements set sent_at = ? where id = ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(8))), id);
        String manager = as("MANAGER").get("/").body();
        assertThat(manager).contains("Overdue signatures").contains("href=\"/hold-harmless/" + id + "\"");
        assertThat(as("SUBCONTRACTOR").get("/").body()).doesNotContain("Overdue signatures");

        assertThat(SignIn.post(http, "/api/v1/hold-harmless/" + id + "/sub-signature", Map.of("signerName",
                "Sam Spark", "signatureType", "TYPED", "typedSignature", "Sam Spark", "consent", true),
                SignIn.accessToken(http, f.tenant.email("SUBCONTRACTOR"))).getStatusCode().value()).isEqualTo(200);
        assertThat(as("SUBCONTRACTOR").get("/").body()).doesNotContain("Hold-harmless agreements to sign");
        assertThat(as("CONTRACTOR").get("/").body()).contains("Hold-harmless agreements to sign")
                .contains("/hold-harmless/" + id + "/sign");
        assertThat(as("MANAGER").get("/").body()).as("the sub signed just now").doesNotContain("Overdue signatures");
    }

    private PageClient as(String role) {
        return new PageClient(port, SignIn.accessToken(http, f.tenant.email(role)));
    }

    private PageClient asOther(String role) {
        return new PageClient(port, SignIn.accessToken(http, TestTenants.create(jdbcTemplate).email(role)));
    }
}
