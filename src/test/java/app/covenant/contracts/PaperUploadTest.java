package app.covenant.contracts;

import static app.covenant.contracts.paper.TextPdfs.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/** Third-party paper: a PDF recorded as version 1, its text searchable, its file readable by those who see it. */
class PaperUploadTest extends ContractTestSupport {

    @Test
    void aPdfBecomesVersionOneAndItsTextIsSearchable() throws Exception {
        newTenant();
        byte[] pdf = pdf("Master lease of the storage yard at Pier 7 between Harbor Holdings and the tenant.");
        assertThat(upload(pdf, "lease.pdf", "USER").getStatusCode().value()).as("contract:upload").isEqualTo(403);
        ResponseEntity<JsonNode> uploaded = upload(pdf, "lease.pdf", "LEGAL_MANAGER");
        assertThat(uploaded.getStatusCode().value()).isEqualTo(201);
        JsonNode contract = uploaded.getBody();
        assertThat(contract.get("status").asString()).isEqualTo("DRAFT");
        assertThat(contract.get("templateId").isNull()).isTrue();
        assertThat(contract.get("documentId").isNull()).isFalse();
        assertThat(contract.get("reference").asString()).startsWith(tenant.code() + "-");
        assertThat(contract.get("bodyHtml").asString()).contains("Pier 7");
        UUID id = id(contract);
        JsonNode version = get("/api/v1/contracts/" + id + "/versions/1", token("LEGAL_MANAGER")).getBody();
        assertThat(version.get("kind").asString()).isEqualTo("UPLOADED");
        assertThat(version.get("documentId").asString()).isEqualTo(contract.get("documentId").asString());
        assertThat(get("/api/v1/contracts?q=storage yard", token("LEGAL_MANAGER")).getBody().get("content"))
                .hasSize(1);
        String documentPath = "/api/v1/documents/" + contract.get("documentId").asString() + "/content";
        assertThat(http.exchange(documentPath, HttpMethod.GET, new HttpEntity<>(bearer("LEGAL_MANAGER")), byte[].class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(http.exchange(documentPath, HttpMethod.GET, new HttpEntity<>(bearer("USER")), byte[].class)
                .getStatusCode().value()).as("not the user's contract").isEqualTo(404);

        assertThat(upload("just text".getBytes(), "notes.txt", "LEGAL_MANAGER").getStatusCode().value())
                .isEqualTo(415);
        MultiValueMap<String, Object> missing = new LinkedMultiValueMap<>();
        missing.add("counterpartyName", "Harbor Holdings");
        missing.add("file", file(pdf, "lease.pdf"));
        assertThat(http.exchange("/api/v1/contracts/upload", HttpMethod.POST, new HttpEntity<>(missing,
                multipart("LEGAL_MANAGER")), JsonNode.class).getStatusCode().value()).as("no title").isEqualTo(400);
    }

    private ResponseEntity<JsonNode> upload(byte[] content, String name, String role) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("title", "Pier 7 yard lease");
        form.add("counterpartyName", "Harbor Holdings");
        form.add("startDate", "2027-01-01");
        form.add("endDate", "2029-12-31");
        form.add("amount", "48000");
        form.add("file", file(content, name));
        return http.exchange("/api/v1/contracts/upload", HttpMethod.POST, new HttpEntity<>(form, multipart(role)),
                JsonNode.class);
    }

    private HttpHeaders multipart(String role) {
        HttpHeaders headers = bearer(role);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return headers;
    }

    private HttpHeaders bearer(String role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token(role));
        return headers;
    }

    private static ByteArrayResource file(byte[] content, String name) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

}
