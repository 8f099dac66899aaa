package app.covenant.platform.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;

/**
 * The error answers every module shares, as reusable components: one {@code Problem} schema (RFC 9457, as
 * written by the platform's exception handler) and one response per status, referenced by the operations.
 */
final class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";

    /** Each status an operation may answer with a problem, and what it means here. */
    static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "Invalid input: malformed JSON, an unknown field, a wrong type or a rule broken (see errors[])",
            401, "Not signed in, or the token is invalid or expired",
            403, "Signed in without the permission this needs",
            404, "No such record in the caller's organization",
            409, "Conflicts with the current state, or a retry with the same Idempotency-Key is still running",
            413, "The body or upload is larger than the configured limit",
            415, "The body's content type is not accepted here",
            422, "The Idempotency-Key was already used for a different request",
            429, "Too many requests: wait for Retry-After seconds");

    private ProblemResponses() {
    }

    static String name(int status) {
        return "Problem" + status;
    }

    static String reference(int status) {
        return "#/components/responses/" + name(status);
    }

    static void addTo(Components components) {
        components.addSchemas("Problem", problemSchema());
        DESCRIPTIONS.forEach((status, description) -> {
            ApiResponse response = new ApiResponse().description(description).content(problemContent());
            if (status == 429) {
                response.addHeaderObject("Retry-After", new Header()
                        .description("Seconds to wait before trying again").schema(new IntegerSchema()));
            }
            components.addResponses(name(status), response);
        });
    }

    static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("The input that was refused"));
        fieldError.addProperty("message", new StringSchema().description("Why, in words for a person"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("An error answer (RFC 9457 problem details)");
        problem.addProperty("type", new StringSchema().example("urn:covenant:problem:404"));
        problem.addProperty("title", new StringSchema().example("Not Found"));
        problem.addProperty("status", new IntegerSchema().example(404));
        problem.addProperty("detail", new StringSchema().example("User not found."));
        problem.addProperty("instance", new StringSchema().example("/api/v1/users/5b0c5e8e-2f34-4a8e-9d0b-1c2d3e4f5a6b"));
        problem.addProperty("correlationId", new StringSchema()
                .description("The request's X-Correlation-ID, also on every log line of the request"));
        problem.addProperty("errors", new ArraySchema().items(fieldError)
                .description("The refused inputs, for invalid input (400)"));
        problem.required(List.of("type", "title", "status"));
        return problem;
    }
}
