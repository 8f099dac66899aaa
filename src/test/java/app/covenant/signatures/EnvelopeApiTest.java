package app.covenant.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.documents.DocumentStorage;
import app.covenant.signatures.EnvelopeRequest.SignerRequest;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Who may call {@code /api/v1/envelopes/{id}}, its certificate and {@code /api/v1/signatures/verify}: the
 * organization's readers and the envelope's own signers; another organization's user 404; signed out 401.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvelopeApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Envelopes envelopes;
    @Autowired
    DocumentStorage documents;

    private final Map<String, String> tokens = new HashMap<>();
    private UUID envelopeId;

    @BeforeAll
    void setUp() {
        Tenant tenant = TestTenants.create(jdbc);
        Tenant other = TestTenants.create(jdbc);
        // The tenant's SUBCONTRACTOR user is the signer: they see their own envelope without signatures:read.
        envelopeId = envelopes.open(SignatureFixtures.request(documents, tenant.organizationId(), false, List.of(
                new SignerRequest("Sam Sub", tenant.email("SUBCONTRACTOR"), "Subcontractor", 1))));
        for (String role : List.of("ADMIN", "MANAGER", "USER", "CONTRACTOR", "SUBCONTRACTOR", "SUPER_ADMIN")) {
            tokens.put(role, SignIn.accessToken(http, tenant.email(role)));
        }
        tokens.put("OTHER_ADMIN", SignIn.accessToken(http, other.email("ADMIN")));
        tokens.put("OTHER_MANAGER", SignIn.accessToken(http, other.email("MANAGER")));
    }

    private int status(String path, String who) {
        HttpHeaders headers = who == null ? new HttpHeaders() : SignIn.bearer(tokens.get(who));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class).getStatusCode().value();
    }

    @Test
    void theEnvelopeIsForItsOrganizationsReadersAndItsSignersOnly() {
        String path = "/api/v1/envelopes/" + envelopeId;
        assertThat(status(path, null)).isEqualTo(401);
        for (String role : List.of("ADMIN", "MANAGER", "SUBCONTRACTOR", "SUPER_ADMIN")) {
            assertThat(status(path, role)).as(role).isEqualTo(200);
        }
        for (String role : List.of("USER", "CONTRACTOR", "OTHER_ADMIN", "OTHER_MANAGER")) {
            assertThat(status(path, role)).as(role).isEqualTo(404);
        }
        assertThat(status("/api/v1/envelopes/" + UUID.randomUUID(), "ADMIN")).isEqualTo(404);
        var body = SignIn.get(http, path, tokens.get("MANAGER")).getBody();
        assertThat(body.get("status").asString()).isEqualTo("SENT");
        assertThat(body.get("signers").get(0).get("status").asString()).isEqualTo("NOTIFIED");
        assertThat(body.get("events").get(0).get("type").asString()).isEqualTo("CREATED");
        assertThat(body.toString()).doesNotContain("token_hash").doesNotContain("tokenHash");
    }

    @Test
    void theCertificateIsAPdfForTheSameCallers() {
        String path = "/api/v1/envelopes/" + envelopeId + "/certificate";
        assertThat(status(path, null)).isEqualTo(401);
        ResponseEntity<byte[]> certificate = http.exchange(path, HttpMethod.GET,
                new HttpEntity<>(SignIn.bearer(tokens.get("ADMIN"))), byte[].class);
        assertThat(certificate.getStatusCode().value()).isEqualTo(200);
        assertThat(certificate.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(certificate.getBody(), 0, 5)).isEqualTo("%PDF-");
        assertThat(status(path, "SUBCONTRACTOR")).isEqualTo(200);
        assertThat(status(path, "USER")).isEqualTo(404);
        assertThat(status(path, "OTHER_ADMIN")).isEqualTo(404);
    }

    @Test
    void anySignedInUserMayVerifyAndAPdfWeNeverSealedIsNotOurs() {
        assertThat(verify(SignatureFixtures.agreementPdf("x"), null).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> missing = verify(null, "USER");
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<String> foreign = verify(SignatureFixtures.agreementPdf("not ours"), "CONTRACTOR");
        assertThat(foreign.getStatusCode().value()).isEqualTo(200);
        assertThat(foreign.getBody()).contains("\"issuedByUs\":false").contains("\"unchanged\":false")
                .contains("\"sealValid\":false");
        ResponseEntity<String> notPdf = verify("hello".getBytes(), "USER");
        assertThat(notPdf.getBody()).contains("\"sealValid\":false");
    }

    private ResponseEntity<String> verify(byte[] pdf, String who) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        if (pdf != null) {
            form.add("file", new ByteArrayResource(pdf) {
                @Override
                public String getFilename() {
                    return "check.pdf";
                }
            });
        } else {
            form.add("note", "no file");
        }
        HttpHeaders headers = who == null ? new HttpHeaders() : SignIn.bearer(tokens.get(who));
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange("/api/v1/signatures/verify", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }
}
