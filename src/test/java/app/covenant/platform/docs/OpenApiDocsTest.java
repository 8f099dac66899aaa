package app.covenant.platform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class OpenApiDocsTest {

    /** Reached without signing in (SECURITY.md); the test below checks every other operation too. */
    private static final Set<String> SOME_PUBLIC_OPERATIONS = Set.of(
            "POST /api/v1/auth/login", "POST /api/v1/auth/refresh", "POST /api/v1/auth/forgot-password",
            "POST /api/v1/auth/reset-password", "POST /api/v1/auth/accept-invite",
            "GET /api/v1/system/status", "GET /health");

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Test
    void theApiDescriptionIsValidOpenApi3() throws Exception {
        ResponseEntity<String> docs = http.getForEntity("/api/docs.json", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(docs.getBody(), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(result.getOpenAPI().getInfo().getTitle()).isEqualTo("Covenant API");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/v1/system/status", "/health");
        // For the Redocly lint in .ci/run (README, API section).
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("openapi.json"), docs.getBody());
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

    @Test
    void everyOperationHasASummaryAStableIdAndItsModulesTag() {
        OpenAPI api = document();
        Set<String> ids = new HashSet<>();
        Set<String> tags = new TreeSet<>();
        operations(api).forEach((name, operation) -> {
            assertThat(operation.getSummary()).as("summary of %s", name).isNotBlank();
            assertThat(operation.getOperationId()).as("operationId of %s", name).matches("[a-z][A-Za-z]+");
            assertThat(ids.add(operation.getOperationId())).as("unique operationId of %s", name).isTrue();
            assertThat(operation.getTags()).as("tags of %s", name).hasSize(1);
            tags.add(operation.getTags().getFirst());
        });
        assertThat(operations(api).get("POST /api/v1/auth/login").getTags()).containsExactly("identity");
        assertThat(operations(api).get("POST /api/v1/documents").getTags()).containsExactly("documents");
        assertThat(operations(api).get("GET /health").getTags()).containsExactly("platform");
        assertThat(api.getTags()).extracting(Tag::getName).containsExactlyElementsOf(tags);
        assertThat(api.getTags()).allSatisfy(tag -> assertThat(tag.getDescription()).isNotBlank());
    }

    @Test
    void everyOperationSaysWhetherItNeedsTheBearerToken() {
        OpenAPI api = document();
        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearer");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(bearer.getBearerFormat()).isEqualTo("JWT");

        Map<String, Operation> operations = operations(api);
        operations.forEach((name, operation) -> {
            assertThat(operation.getSecurity()).as("security of %s", name).isNotNull();
            if (!operation.getSecurity().isEmpty()) {
                assertThat(operation.getSecurity()).as("security of %s", name)
                        .containsExactly(new SecurityRequirement().addList("bearer"));
            }
        });
        SOME_PUBLIC_OPERATIONS.forEach(name ->
                assertThat(operations.get(name).getSecurity()).as("security of public %s", name).isEmpty());
        assertThat(operations.get("GET /api/v1/users").getSecurity()).isNotEmpty();
    }

    /** Without a token, an operation documented as secured answers 401 and a public one does not. */
    @Test
    void theDocumentedSecurityIsTheOneEnforced() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (Map.Entry<String, Operation> entry : operations(document()).entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = entry.getKey().substring(method.length() + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (entry.getValue().getSecurity().isEmpty()) {
                assertThat(status).as("%s without a token", entry.getKey()).isNotIn(401, 403);
            } else {
                assertThat(status).as("%s without a token", entry.getKey()).isEqualTo(401);
            }
        }
    }

    @Test
    void everyOperationDeclaresTheProblemsItMayAnswer() {
        OpenAPI api = document();
        operations(api).forEach((name, operation) -> {
            String path = name.substring(name.indexOf(' ') + 1);
            Set<String> expected = new TreeSet<>();
            if (path.startsWith("/api/")) {
                expected.add("429");
            }
            if (!operation.getSecurity().isEmpty()) {
                expected.addAll(List.of("401", "403"));
            }
            boolean takesBody = operation.getRequestBody() != null;
            boolean takesParameters = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> !"Idempotency-Key".equals(parameter.getName()));
            if (takesBody || takesParameters) {
                expected.add("400");
            }
            if (path.contains("{")) {
                expected.add("404");
            }
            if (takesBody) {
                expected.addAll(List.of("413", "415"));
            }
            assertThat(operation.getResponses().keySet()).as("responses of %s", name).containsAll(expected);
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4")) {
                    ApiResponse resolved = resolve(api, response);
                    assertThat(resolved.getDescription()).as("%s of %s", status, name).isNotBlank();
                    assertThat(resolved.getContent()).as("%s of %s", status, name).containsKey("application/problem+json");
                    assertThat(resolved.getContent().get("application/problem+json").getSchema().get$ref())
                            .isEqualTo("#/components/schemas/Problem");
                }
            });
        });
        // A status an operation declares itself is kept, and answered as a problem too (checked above).
        assertThat(operations(api).get("POST /api/v1/auth/login").getResponses()).containsKeys("200", "401", "423");
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "correlationId", "errors");
    }

    @Test
    void theMainRequestBodiesCarryAnExample() {
        Map<String, Operation> operations = operations(document());
        for (String name : List.of("POST /api/v1/auth/login", "POST /api/v1/auth/accept-invite",
                "POST /api/v1/users/invite", "POST /api/v1/roles", "POST /api/v1/organizations")) {
            MediaType json = operations.get(name).getRequestBody().getContent().get("application/json");
            assertThat(json).as("JSON body of %s", name).isNotNull();
            assertThat(json.getSchema().get$ref()).as("schema of %s", name).isNotBlank();
            assertThat(json.getExample() != null || (json.getExamples() != null && !json.getExamples().isEmpty()))
                    .as("example of %s", name).isTrue();
        }
    }

    @Test
    void listsTakePageSizeAndSort() {
        Operation users = operations(document()).get("GET /api/v1/users");
        assertThat(users.getParameters()).extracting(parameter -> parameter.getName())
                .containsExactly("q", "role", "status", "page", "size", "sort");
        assertThat(users.getParameters().get(4).getSchema().getMaximum()).isEqualByComparingTo("100");
        Operation notifications = operations(document()).get("GET /api/v1/notifications");
        assertThat(notifications.getParameters()).filteredOn(parameter -> "size".equals(parameter.getName()))
                .singleElement().satisfies(size -> assertThat(size.getSchema().getDefault()).isEqualTo(20));
    }

    private OpenAPI document() {
        ResponseEntity<String> docs = http.getForEntity("/api/docs.json", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new OpenAPIV3Parser().readContents(docs.getBody(), null, new ParseOptions()).getOpenAPI();
    }

    /** Every operation, named "METHOD /path". */
    private static Map<String, Operation> operations(OpenAPI api) {
        Map<String, Operation> operations = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method + " " + path, operation)));
        return operations;
    }

    private static ApiResponse resolve(OpenAPI api, ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
        return api.getComponents().getResponses().get(name);
    }
}
