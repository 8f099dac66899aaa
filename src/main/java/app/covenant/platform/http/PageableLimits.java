package app.covenant.platform.http;

import app.covenant.shared.problem.ProblemException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every list's {@code page}, {@code size} and {@code sort} as Spring Data reads them, then checked: a
 * page whose offset does not fit the database's row offset, or a sort key that is not a property name,
 * is the client's mistake ({@code 400}) instead of a query failing deep inside JPA.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE) // ahead of Spring Data's own resolver for Pageable
class PageableLimits implements WebMvcConfigurer {

    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}(\\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,3}");

    private final ObjectProvider<PageableHandlerMethodArgumentResolver> springData;

    PageableLimits(ObjectProvider<PageableHandlerMethodArgumentResolver> springData) {
        this.springData = springData;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return Pageable.class.equals(parameter.getParameterType());
            }

            @Override
            public Pageable resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                            NativeWebRequest request, WebDataBinderFactory binders) {
                return checked(springData.getObject().resolveArgument(parameter, container, request, binders));
            }
        });
    }

    static Pageable checked(Pageable pageable) {
        if (pageable.isPaged() && pageable.getOffset() > (long) Integer.MAX_VALUE - pageable.getPageSize()) {
            throw ProblemException.invalid("page", "is too large for this page size");
        }
        for (Sort.Order order : pageable.getSort()) {
            if (!PROPERTY.matcher(order.getProperty()).matches()) {
                throw ProblemException.invalid("sort", "is not a field name followed by ,asc or ,desc");
            }
        }
        return pageable;
    }
}
