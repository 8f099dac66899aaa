package app.covenant.contracts.internal;

import app.covenant.contracts.templates.Annexure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON columns of contracts and versions: annexures, variable values, detail fields, changed-field lists. */
final class JsonText {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Annexure>> ANNEXURES = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private JsonText() {
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static List<Annexure> annexures(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, ANNEXURES);
    }

    static Map<String, String> strings(String json) {
        return json == null || json.isBlank() ? new LinkedHashMap<>() : JSON.readValue(json, STRINGS);
    }

    static List<String> names(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, NAMES);
    }
}
