package app.covenant.security;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

/**
 * One route of the application: an HTTP method on one path pattern, served by one handler method.
 *
 * @param page     served by a {@code @Controller} that renders a view (browser page), not a JSON API
 * @param produces media types of the mapping's {@code produces} condition (empty: any)
 * @param consumes media types of the mapping's {@code consumes} condition (empty: any)
 */
record Endpoint(String method, String pattern, HandlerMethod handler, boolean page, List<String> produces,
                List<String> consumes) {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");
    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** The handler class's own name (without a CGLIB proxy suffix), e.g. {@code UserController}. */
    String controller() {
        return ClassUtils.getUserClass(handler.getBeanType()).getSimpleName();
    }

    String handlerName() {
        return controller() + "#" + handler.getMethod().getName();
    }

    boolean changesState() {
        return !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(method);
    }

    /** Names of the path variables, in order. */
    List<String> variables() {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** A variable naming a record: bound to a {@code UUID}, or called {@code id} / {@code somethingId}. */
    boolean isIdVariable(String name) {
        Class<?> type = variableType(name);
        return type == UUID.class || name.equals("id") || name.endsWith("Id") || name.endsWith("_id");
    }

    Class<?> variableType(String name) {
        Method method = handler.getMethod();
        for (int i = 0; i < method.getParameterCount(); i++) {
            MethodParameter parameter = new MethodParameter(method, i);
            parameter.initParameterNameDiscovery(NAMES);
            PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
            if (annotation == null) {
                continue;
            }
            String bound = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
            if (name.equals(bound)) {
                return parameter.getParameterType();
            }
        }
        return String.class;
    }

    /** The path with each variable replaced by its value. */
    String path(Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for {" + matcher.group(1) + "} of " + this);
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
