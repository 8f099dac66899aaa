package app.covenant.platform.docs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.method.HandlerMethod;

/**
 * The paging parameters every list takes (README, API conventions), in place of springdoc's one object;
 * the sizes are Spring Data's configured ones ({@code spring.data.web.pageable}), or the handler's
 * {@link PageableDefault}.
 */
record PagingParameters(int defaultSize, int maxSize) {

    /** Springdoc shows a {@link Pageable} as one object parameter; the API reads page, size and sort. */
    void describe(Operation operation, HandlerMethod handler) {
        MethodParameter pageable = Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> Pageable.class.equals(parameter.getParameterType()))
                .findFirst().orElse(null);
        if (pageable == null || operation.getParameters() == null) {
            return;
        }
        PageableDefault declared = pageable.getParameterAnnotation(PageableDefault.class);
        int size = declared != null ? declared.size() : defaultSize;
        List<Parameter> parameters = new ArrayList<>(operation.getParameters());
        parameters.removeIf(parameter -> "pageable".equals(parameter.getName()));
        parameters.add(new QueryParameter().name("page").description("The page, from 0")
                .schema(new IntegerSchema().minimum(BigDecimal.ZERO)._default(0)));
        parameters.add(new QueryParameter().name("size").description("Items per page")
                .schema(new IntegerSchema().minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(maxSize))._default(size)));
        parameters.add(new QueryParameter().name("sort").description("field,asc or field,desc")
                .schema(new StringSchema()));
        operation.setParameters(parameters);
    }
}
