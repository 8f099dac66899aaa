package app.covenant.security;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's own routes, read from Spring MVC's handler mapping of the running application —
 * so a route added tomorrow is in the list without anyone touching this test.
 */
final class ApplicationEndpoints {

    static final String APPLICATION_PACKAGE = "app.covenant.";
    private static final String TEST_SUPPORT_PACKAGE = "app.covenant.support.";

    private ApplicationEndpoints() {
    }

    static List<Endpoint> of(RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            if (!isApplication(ClassUtils.getUserClass(handler.getBeanType()))) {
                continue;
            }
            Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
            // A mapping without a method answers every method; GET stands for it.
            List<String> methods = declared.isEmpty() ? List.of("GET")
                    : declared.stream().map(RequestMethod::name).sorted().toList();
            List<String> produces = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .map(MediaType::toString).toList();
            List<String> consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .map(MediaType::toString).toList();
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    endpoints.add(new Endpoint(method, pattern, handler, isPage(handler), produces, consumes));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    /** Ours (package {@code app.covenant}), not a test-only controller, not a framework one. */
    static boolean isApplication(Class<?> type) {
        String name = type.getName();
        return name.startsWith(APPLICATION_PACKAGE) && !name.startsWith(TEST_SUPPORT_PACKAGE)
                && !AnnotatedElementUtils.hasAnnotation(type, TestComponent.class) && !fromTestClasses(type);
    }

    private static boolean fromTestClasses(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location != null && location.toString().contains("test-classes");
    }

    /** A {@code @Controller} method rendering a view, as opposed to a {@code @ResponseBody} (JSON) one. */
    private static boolean isPage(HandlerMethod handler) {
        return !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                && !handler.hasMethodAnnotation(ResponseBody.class);
    }
}
