package app.covenant.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/** Asks {@code POST /api/v1/signatures/verify} about a PDF, as a signed-in caller would upload it. */
public final class PdfVerification {

    private PdfVerification() {
    }

    /** The verdict ({@code issuedByUs}, {@code unchanged}, {@code sealValid}, …); the call itself must answer 200. */
    public static JsonNode verify(TestRestTemplate http, byte[] pdf, String accessToken) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "signed.pdf";
            }
        });
        HttpHeaders headers = SignIn.bearer(accessToken);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> response = http.exchange("/api/v1/signatures/verify", HttpMethod.POST,
                new HttpEntity<>(form, headers), JsonNode.class);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }
}
