package app.covenant.security;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request that gets through Spring MVC's binding and Bean Validation: a value for every
 * {@code @RequestParam}, and a {@code @RequestBody} / {@code @ModelAttribute} whose required fields
 * hold values their constraints accept (checked with the application's own {@link Validator}).
 * Used where the matrix must reach the handler itself — another organization's id must answer 404
 * from the lookup, not 400 from validating the body first.
 */
final class SampleRequests {

    /** Query parameters to append, and a JSON body (or {@code null}: the minimal one). */
    record Sample(String query, String jsonBody) {
    }

    static final class Unbuildable extends RuntimeException {
        Unbuildable(String message) {
            super(message);
        }
    }

    private static final List<String> TEXT = List.of("matrix", "Matrix", "MATRIX", "matrix@example.test", "MATRIX_1",
            "M1", "1", "x");

    private final Validator validator;
    private final JsonMapper json = JsonMapper.builder().build();

    SampleRequests(Validator validator) {
        this.validator = validator;
    }

    Sample of(Endpoint endpoint) {
        Method method = endpoint.handler().getMethod();
        List<String> query = new ArrayList<>();
        String body = null;
        for (int i = 0; i < method.getParameterCount(); i++) {
            MethodParameter parameter = new MethodParameter(method, i);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            RequestBody requestBody = parameter.getParameterAnnotation(RequestBody.class);
            ModelAttribute model = parameter.getParameterAnnotation(ModelAttribute.class);
            if (param != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                // Optional ones too: a handler may refuse a blank value before it looks the record up.
                String name = !param.name().isEmpty() ? param.name() : parameterName(method, i);
                List<Object> values = candidates(parameter.getGenericParameterType(), List.of());
                boolean required = param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE);
                if (values.isEmpty() && required) {
                    throw new Unbuildable(endpoint + " (" + endpoint.handlerName() + "): no sample value for the "
                            + "request parameter '" + name + "'; teach SampleRequests one");
                }
                if (!values.isEmpty()) {
                    add(query, name, values.getFirst());
                }
            } else if (requestBody != null && requestBody.required()) {
                body = json.writeValueAsString(bean(parameter.getParameterType(), endpoint));
            } else if (model != null) {
                bean(parameter.getParameterType(), endpoint).forEach((name, value) -> add(query, name, value));
            }
        }
        return new Sample(String.join("&", query), body);
    }

    /** The required properties of {@code type}, each with the first candidate its constraints accept. */
    private Map<String, Object> bean(Class<?> type, Endpoint endpoint) {
        BeanDescriptor descriptor = validator.getConstraintsForClass(type);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Type> property : properties(type).entrySet()) {
            String name = property.getKey();
            if (validator.validateValue(type, name, null).isEmpty()) {
                continue; // optional: leave it out
            }
            PropertyDescriptor constraints = descriptor.getConstraintsForProperty(name);
            List<ConstraintDescriptor<?>> found = constraints == null ? List.of()
                    : new ArrayList<>(constraints.getConstraintDescriptors());
            Object chosen = null;
            for (Object candidate : candidates(property.getValue(), found)) {
                if (validator.validateValue(type, name, candidate).isEmpty()) {
                    chosen = candidate;
                    break;
                }
            }
            if (chosen == null) {
                throw new Unbuildable(endpoint + " (" + endpoint.handlerName() + "): no sample value satisfies the "
                        + "constraints of " + type.getSimpleName() + "." + name
                        + "; teach SampleRequests a candidate for it");
            }
            values.put(name, chosen);
        }
        return values;
    }

    private static Map<String, Type> properties(Class<?> type) {
        Map<String, Type> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(component.getName(), component.getGenericType());
            }
            return properties;
        }
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    properties.putIfAbsent(field.getName(), field.getGenericType());
                }
            }
        }
        return properties;
    }

    /** Values of the Java type of the property, those its {@code @Pattern} suggests first. */
    private static List<Object> candidates(Type type, List<ConstraintDescriptor<?>> constraints) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (raw == String.class) {
            List<Object> texts = new ArrayList<>(patternAlternatives(constraints));
            texts.addAll(TEXT);
            texts.add("matrix-sample-".repeat(4));
            return texts;
        }
        if (raw == UUID.class) {
            return List.of(UUID.randomUUID());
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return List.of(Boolean.FALSE, Boolean.TRUE);
        }
        if (raw == Integer.class || raw == int.class) {
            return List.of(1, 0);
        }
        if (raw == Long.class || raw == long.class) {
            return List.of(1L, 0L);
        }
        if (raw == BigDecimal.class) {
            return List.of(BigDecimal.ONE);
        }
        if (raw == Instant.class) {
            return List.of(Instant.now());
        }
        if (raw == OffsetDateTime.class) {
            return List.of(OffsetDateTime.now());
        }
        if (raw == LocalDate.class) {
            return List.of(LocalDate.now());
        }
        if (raw.isEnum()) {
            return List.of(raw.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType parameterized) {
            List<Object> collections = new ArrayList<>();
            for (Object element : candidates(parameterized.getActualTypeArguments()[0], List.of())) {
                collections.add(Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>(List.of(element))
                        : new ArrayList<>(List.of(element)));
            }
            return collections;
        }
        return List.of();
    }

    /** For {@code @Pattern(regexp = "PARENT|ENTITY")}: PARENT, ENTITY. */
    private static List<String> patternAlternatives(List<ConstraintDescriptor<?>> constraints) {
        List<String> alternatives = new ArrayList<>();
        for (ConstraintDescriptor<?> constraint : constraints) {
            if (constraint.getAnnotation() instanceof Pattern pattern) {
                for (String alternative : pattern.regexp().replaceAll("^\\^?\\(?|\\)?\\$?$", "").split("\\|")) {
                    if (alternative.matches("[A-Za-z0-9_:.-]+")) {
                        alternatives.add(alternative);
                    }
                }
            }
        }
        return alternatives;
    }

    private static String parameterName(Method method, int index) {
        MethodParameter parameter = new MethodParameter(method, index);
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        return parameter.getParameterName();
    }

    private static void add(List<String> query, String name, Object value) {
        if (value instanceof Collection<?> values) {
            values.forEach(element -> add(query, name, element));
            return;
        }
        query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
    }
}
