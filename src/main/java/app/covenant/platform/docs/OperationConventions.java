package app.covenant.platform.docs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.TreeSet;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * Completes every operation by the same rules, so that no controller repeats them and no new one forgets:
 * who may call it (bearer token unless the handler is {@code @PermitAll}), its problem answers, a stable
 * operationId, its module's tag and the paging parameters ({@link PagingParameters}).
 *
 * <p>Problem answers: 429 on every {@code /api} path (the rate limiter exempts only the health probes);
 * 401 and 403 when a token is needed; 400 when the operation takes parameters or a body; 404 when the path
 * names a record; 413 and 415 when it takes a body; 409 when a signed-in caller changes something (a conflict
 * with the current state, or an idempotent retry still running); 422 for a signed-in {@code POST} (an
 * Idempotency-Key reused for another request). A status an operation declares itself is kept, and every
 * 4xx answers a {@code Problem}.
 */
class OperationConventions implements OperationCustomizer {

    static final String BEARER = "bearer";

    private final PagingParameters paging;

    OperationConventions(PagingParameters paging) {
        this.paging = paging;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean secured = !isPublic(handler);
        operation.setSecurity(secured ? List.of(new SecurityRequirement().addList(BEARER)) : List.of());
        operation.setOperationId(operationId(handler));
        operation.setTags(List.of(ModuleTags.moduleOf(handler.getBeanType())));
        paging.describe(operation, handler);
        boolean takesParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        addProblems(operation, problemStatuses(operation, handler, secured, takesParameters));
        describeIdempotencyKey(operation, handler, secured);
        return operation;
    }

    private static boolean isPublic(HandlerMethod handler) {
        return handler.hasMethodAnnotation(PermitAll.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PermitAll.class);
    }

    /** {@code UserController#invite} is {@code userInvite}: unique as long as controller names are. */
    private static String operationId(HandlerMethod handler) {
        String controller = handler.getBeanType().getSimpleName()
                .replaceFirst("(Api)?Controller$", "");
        return StringUtils.uncapitalize(controller) + StringUtils.capitalize(handler.getMethod().getName());
    }

    private static TreeSet<Integer> problemStatuses(Operation operation, HandlerMethod handler, boolean secured,
                                                    boolean hasParameters) {
        TreeSet<Integer> statuses = new TreeSet<>();
        boolean takesBody = operation.getRequestBody() != null;
        boolean changes = handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class)
                || handler.hasMethodAnnotation(DeleteMapping.class);
        if (!isHealthProbe(handler)) {
            statuses.add(429);
        }
        if (secured) {
            statuses.add(401);
            statuses.add(403);
        }
        if (takesBody || hasParameters) {
            statuses.add(400);
        }
        if (hasPathVariable(operation)) {
            statuses.add(404);
        }
        if (takesBody) {
            statuses.add(413);
            statuses.add(415);
        }
        if (secured && changes) {
            statuses.add(409);
        }
        if (takesIdempotencyKey(operation, handler, secured)) {
            statuses.add(422);
        }
        return statuses;
    }

    /** The idempotency filter's rule: a signed-in {@code POST} that is not a form or an upload. */
    private static boolean takesIdempotencyKey(Operation operation, HandlerMethod handler, boolean secured) {
        boolean multipart = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().keySet().stream()
                .anyMatch(type -> type.startsWith("multipart/"));
        return secured && handler.hasMethodAnnotation(PostMapping.class) && !multipart;
    }

    private static void describeIdempotencyKey(Operation operation, HandlerMethod handler, boolean secured) {
        if (takesIdempotencyKey(operation, handler, secured)) {
            operation.addParametersItem(new HeaderParameter().name("Idempotency-Key")
                    .description("Makes retries safe: the first answer is replayed for 24 hours")
                    .schema(new StringSchema()));
        }
    }

    private static boolean isHealthProbe(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().endsWith(".platform.health");
    }

    private static boolean hasPathVariable(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
    }

    private static void addProblems(Operation operation, TreeSet<Integer> statuses) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        // Springdoc gives a status declared in @Operation the method's return type: a 4xx answers a problem.
        responses.forEach((code, declared) -> {
            if (code.startsWith("4") && declared.get$ref() == null) {
                declared.setContent(ProblemResponses.problemContent());
            }
        });
        for (int status : statuses) {
            responses.putIfAbsent(String.valueOf(status), new ApiResponse().$ref(ProblemResponses.reference(status)));
        }
        operation.setResponses(responses);
    }
}
