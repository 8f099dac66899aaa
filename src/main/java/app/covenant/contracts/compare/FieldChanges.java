package app.covenant.contracts.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * The fields (title, dates, amount, counterparty, variable values…) that differ between two versions. A nested map
 * is compared entry by entry under {@code name.key} ({@code variables.PARTY_NAME}). Order is stable: the fields of
 * {@code before} in its order, then those only {@code after} has; a map without an order of its own (a
 * {@code HashMap}, {@code Map.of}) is read in key order. Empty text equals no value, and amounts are compared by
 * value ({@code 1500.0} equals {@code 1500.00}). Stateless and thread-safe.
 */
public final class FieldChanges {

    private FieldChanges() {
    }

    private record Value(String display, Object comparable) {
    }

    public static List<FieldChange> between(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Value> older = flatten(before);
        Map<String, Value> newer = flatten(after);
        List<String> fields = new ArrayList<>(older.keySet());
        newer.keySet().stream().filter(field -> !older.containsKey(field)).forEach(fields::add);
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            Value was = older.get(field);
            Value is = newer.get(field);
            if (!Objects.equals(was == null ? null : was.comparable(), is == null ? null : is.comparable())) {
                changes.add(new FieldChange(field, was == null ? null : was.display(), is == null ? null : is.display()));
            }
        }
        return changes;
    }

    private static Map<String, Value> flatten(Map<String, ?> fields) {
        Map<String, Value> flat = new LinkedHashMap<>();
        if (fields != null) {
            flatten("", fields, flat);
        }
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> fields, Map<String, Value> flat) {
        for (Map.Entry<?, ?> field : ordered(fields).entrySet()) {
            String name = prefix + field.getKey();
            if (field.getValue() instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, flat);
            } else {
                Value value = value(field.getValue());
                if (value != null) {
                    flat.put(name, value);
                }
            }
        }
    }

    private static Map<?, ?> ordered(Map<?, ?> fields) {
        if (fields instanceof SequencedMap<?, ?>) {
            return fields;
        }
        Map<String, Object> sorted = new TreeMap<>();
        fields.forEach((key, value) -> sorted.put(String.valueOf(key), value));
        return sorted;
    }

    /** {@code null} for no value: null, blank text, an empty collection. */
    private static Value value(Object raw) {
        return switch (raw) {
            case null -> null;
            case BigDecimal amount -> new Value(amount.toPlainString(), amount.stripTrailingZeros());
            case Collection<?> items when items.isEmpty() -> null;
            case Collection<?> items -> {
                List<String> texts = items.stream().map(String::valueOf).toList();
                yield new Value(String.join(", ", texts), texts);
            }
            default -> {
                String text = String.valueOf(raw).strip();
                yield text.isEmpty() ? null : new Value(text, text);
            }
        };
    }
}
