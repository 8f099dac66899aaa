package app.covenant.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The before/after values as stored: converted with the application's mapper (so its types serialise as
 * everywhere else), secrets redacted at any depth, keys sorted, written compactly.
 */
@Component
class AuditJson {

    static final String REDACTED = "[REDACTED]";

    // Substrings, on purpose: passwordHash, apiKey, refreshToken, Set-Cookie... Redacting too much is harmless.
    private static final Pattern SECRET =
            Pattern.compile("password|secret|token|key|verifier|hash|authorization|cookie", Pattern.CASE_INSENSITIVE);

    private final JsonMapper mapper;

    AuditJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Canonical, redacted JSON text, or {@code null} for nothing. */
    String write(Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return ChainHash.CANONICAL.writeValueAsString(redacted(mapper.valueToTree(values)));
    }

    JsonNode read(String json) {
        return json == null ? null : mapper.readTree(json);
    }

    static boolean isSecret(String key) {
        return SECRET.matcher(key).find();
    }

    private static Object redacted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> object = new TreeMap<>();
            node.properties().forEach(property -> object.put(property.getKey(),
                    isSecret(property.getKey()) ? REDACTED : redacted(property.getValue())));
            return object;
        }
        if (node.isArray()) {
            List<Object> array = new ArrayList<>(node.size());
            node.values().forEach(element -> array.add(redacted(element)));
            return array;
        }
        return node;
    }
}
