package app.covenant.platform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class OpenApiDocsTest {

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Test
    void theApiDescriptionIsValidOpenApi3() {
        ResponseEntity<String> docs = http.getForEntity("/api/docs.json", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(docs.getBody(), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(result.getOpenAPI().getInfo().getTitle()).isEqualTo("Covenant API");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/v1/system/status", "/health");
    }

    @Test
    void theDocsPageLeadsToSwaggerUi() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/docs")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/api/swagger-ui/index.html");
        assertThat(page.body()).contains("swagger-ui");
    }
}
