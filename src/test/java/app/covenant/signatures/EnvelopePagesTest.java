package app.covenant.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.documents.DocumentStorage;
import app.covenant.notifications.SmtpOutboxTestSupport;
import app.covenant.signatures.EnvelopeRequest.SignerRequest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The envelope page and signing signed in: the page for the organization's admin and for the signer, 404 for
 * another organization; the home card of the signer whose turn it is; signing as that signer without the link,
 * 404 for anyone else.
 */
class EnvelopePagesTest extends SmtpOutboxTestSupport {

    @Autowired
    Envelopes envelopes;
    @Autowired
    DocumentStorage documents;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbcTemplate;

    private Tenant tenant;
    private String sub;
    private String gc;
    private UUID envelopeId;

    @BeforeEach
    void envelope() {
        tenant = TestTenants.create(jdbcTemplate);
        String domain = tenant.code().toLowerCase() + ".test";
        sub = "signer-sub@" + domain;
        gc = "signer-gc@" + domain;
        TestTenants.addUser(jdbcTemplate, tenant, sub, "SUBCONTRACTOR");
        TestTenants.addUser(jdbcTemplate, tenant, gc, "CONTRACTOR");
        envelopeId = envelopes.open(SignatureFixtures.request(documents, tenant.organizationId(), false, List.of(
                new SignerRequest("Sam Sub", sub, "Subcontractor", 1),
                new SignerRequest("Gina GC", gc, "General contractor", 2))));
    }

    @Test
    void theEnvelopePageShowsSignersTrailAndDownloadsToItsReadersAndSignersOnly() {
        ResponseEntity<String> asAdmin = page("/envelopes/" + envelopeId, token(tenant.email("ADMIN")));
        assertThat(asAdmin.getStatusCode().value()).isEqualTo(200);
        assertThat(asAdmin.getBody()).contains("Hold-harmless agreement").contains("Sam Sub").contains("Gina GC")
                .contains("LINK_SENT").contains("CREATED").contains("/envelopes/" + envelopeId + "/original")
                .doesNotContain("style=\"").doesNotContain("id=\"envelope-sign\"");
        String sha = jdbcTemplate.queryForObject("select original_sha256 from signatures_envelopes where id = ?",
                String.class, envelopeId);
        assertThat(asAdmin.getBody()).as("hashes shortened, in full on hover")
                .contains("title=\"" + sha + "\"").contains(sha.substring(0, 12) + "…");

        ResponseEntity<String> asSigner = page("/envelopes/" + envelopeId, token(sub));
        assertThat(asSigner.getStatusCode().value()).isEqualTo(200);
        assertThat(asSigner.getBody()).contains("id=\"envelope-sign\"");

        String otherAdmin = token(TestTenants.create(jdbcTemplate).email("ADMIN"));
        assertThat(page("/envelopes/" + envelopeId, otherAdmin).getStatusCode().value()).isEqualTo(404);
        assertThat(page("/envelopes/" + envelopeId + "/original", otherAdmin).getStatusCode().value()).isEqualTo(404);
        assertThat(page("/envelopes/" + UUID.randomUUID(), token(tenant.email("ADMIN"))).getStatusCode().value())
                .isEqualTo(404);

        ResponseEntity<byte[]> original = http.exchange("/envelopes/" + envelopeId + "/original", HttpMethod.GET,
                new HttpEntity<>(SignIn.bearer(token(sub))), byte[].class);
        assertThat(original.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(original.getBody(), 0, 5)).isEqualTo("%PDF-");
        assertThat(page("/envelopes/" + envelopeId + "/final", token(tenant.email("ADMIN"))).getStatusCode().value())
                .as("not completed yet").isEqualTo(404);
    }

    @Test
    void theSignerWhoseTurnItIsSeesTheHomeCardAndSignsSignedIn() {
        String subToken = token(sub);
        String gcToken = token(gc);
        assertThat(page("/", subToken).getBody()).contains("Waiting for my signature")
                .contains("/envelopes/" + envelopeId + "/sign");
        assertThat(page("/", gcToken).getBody()).as("not the GC's turn yet").doesNotContain("Waiting for my signature");
        assertThat(page("/envelopes/waiting", subToken).getBody()).contains("/envelopes/" + envelopeId + "/sign");

        ResponseEntity<String> signPage = page("/envelopes/" + envelopeId + "/sign", subToken);
        assertThat(signPage.getStatusCode().value()).isEqualTo(200);
        assertThat(signPage.getBody()).contains("data-api=\"/api/v1/envelopes/" + envelopeId + "/sign\"")
                .contains("Sam Sub").contains("/envelopes/" + envelopeId + "/original");
        assertThat(page("/envelopes/" + envelopeId + "/sign", token(tenant.email("ADMIN"))).getStatusCode().value())
                .as("the admin is no signer").isEqualTo(404);

        Map<String, Object> typed = Map.of("signerName", "Sam Sub", "signatureType", "TYPED", "typedSignature", "Sam Sub",
                "consent", true);
        assertThat(sign(token(tenant.email("ADMIN")), typed).getStatusCode().value()).isEqualTo(404);
        assertThat(sign(token(TestTenants.create(jdbcTemplate).email("ADMIN")), typed).getStatusCode().value())
                .isEqualTo(404);
        assertThat(sign(gcToken, typed).getStatusCode().value()).as("the GC out of turn").isEqualTo(409);
        assertThat(sign(subToken, Map.of("signerName", "Sam Sub", "signatureType", "TYPED",
                "typedSignature", "Sam Sub")).getStatusCode().value()).as("no consent").isEqualTo(400);
        assertThat(sign(subToken, typed).getStatusCode().value()).isEqualTo(204);
        assertThat(jdbcTemplate.queryForObject("select auth_method from signatures_events where envelope_id = ? "
                + "and event_type = 'SIGNED'", String.class, envelopeId)).isEqualTo("SIGNED_IN");

        assertThat(page("/", subToken).getBody()).doesNotContain("Waiting for my signature");
        assertThat(page("/", gcToken).getBody()).contains("Waiting for my signature");
        ResponseEntity<JsonNode> declined = post("/api/v1/envelopes/" + envelopeId + "/sign/decline", gcToken,
                Map.of("reason", "Wrong project"));
        assertThat(declined.getStatusCode().value()).isEqualTo(204);
        assertThat(jdbcTemplate.queryForObject("select status from signatures_envelopes where id = ?", String.class,
                envelopeId)).isEqualTo("DECLINED");
    }

    @Test
    void anAccountWhoseAddressIsNotVerifiedIsAStrangerToTheEnvelopeUntilItIs() {
        jdbcTemplate.update("update users set email_verified = false where email_normalized = ?", sub);
        String subToken = token(sub);
        assertThat(page("/", subToken).getBody()).doesNotContain("Waiting for my signature")
                .doesNotContain("/envelopes/" + envelopeId);
        assertThat(page("/envelopes/waiting", subToken).getBody()).doesNotContain("/envelopes/" + envelopeId);
        assertThat(page("/envelopes/" + envelopeId, subToken).getStatusCode().value()).isEqualTo(404);
        assertThat(page("/envelopes/" + envelopeId + "/sign", subToken).getStatusCode().value()).isEqualTo(404);
        assertThat(SignIn.get(http, "/api/v1/envelopes/" + envelopeId, subToken).getStatusCode().value())
                .isEqualTo(404);
        Map<String, Object> typed = Map.of("signerName", "Sam Sub", "signatureType", "TYPED", "typedSignature", "Sam Sub",
                "consent", true);
        assertThat(sign(subToken, typed).getStatusCode().value()).isEqualTo(404);
        assertThat(post("/api/v1/envelopes/" + envelopeId + "/sign/decline", subToken, Map.of("reason", "No"))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(jdbcTemplate.queryForObject("select status from signatures_signers where envelope_id = ? "
                + "and email = ?", String.class, envelopeId, sub)).isEqualTo("NOTIFIED");

        jdbcTemplate.update("update users set email_verified = true where email_normalized = ?", sub);
        assertThat(page("/", subToken).getBody()).contains("Waiting for my signature")
                .contains("/envelopes/" + envelopeId + "/sign");
        assertThat(SignIn.get(http, "/api/v1/envelopes/" + envelopeId, subToken).getStatusCode().value())
                .isEqualTo(200);
        assertThat(sign(subToken, typed).getStatusCode().value()).isEqualTo(204);
    }

    private String token(String email) {
        return SignIn.accessToken(http, email);
    }

    private ResponseEntity<String> page(String path, String token) {
        HttpHeaders headers = SignIn.bearer(token);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<JsonNode> sign(String token, Map<String, Object> body) {
        return post("/api/v1/envelopes/" + envelopeId + "/sign", token, body);
    }

    private ResponseEntity<JsonNode> post(String path, String token, Object body) {
        HttpHeaders headers = SignIn.bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
