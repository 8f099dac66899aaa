package app.covenant.documents;

import app.covenant.support.SignIn;
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

/** Multipart uploads and downloads through the real API. */
public final class DocumentUploads {

    private DocumentUploads() {
    }

    public static ResponseEntity<JsonNode> upload(TestRestTemplate http, String path, String token, String name, byte[] bytes) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), JsonNode.class);
    }

    static ResponseEntity<byte[]> download(TestRestTemplate http, String path, String token) {
        HttpHeaders headers = SignIn.bearer(token);
        headers.setContentType(null);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }
}
