package app.covenant.notifications.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.exceptions.TemplateProcessingException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prepared values of a bulk message, stored as JSON in {@code model_json} and rendered when the message is
 * sent. Only values that read back from JSON exactly as they were are accepted (text, whole numbers,
 * {@link BigDecimal}s, booleans, nulls, lists and maps of those), so a bulk message renders exactly like the
 * same message given to {@code enqueue}.
 */
@Component
class DeferredRendering {

    private static final TypeReference<LinkedHashMap<String, Object>> MODEL = new TypeReference<>() {
    };

    private final EmailTemplateRenderer renderer;
    private final JsonMapper json;
    private final ObjectReader reader;

    DeferredRendering(EmailTemplateRenderer renderer, JsonMapper json) {
        this.renderer = renderer;
        this.json = json;
        // Decimals come back as the BigDecimals they were written from, not as doubles that print differently.
        this.reader = json.readerFor(MODEL).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The JSON of a model {@link EmailTemplateRenderer#prepareAll} made; IllegalArgumentException for a value JSON would change. */
    String store(Map<String, Object> prepared) {
        prepared.forEach((key, value) -> requireJsonValue(key, value));
        return json.writeValueAsString(prepared);
    }

    /** Renders a stored message; {@link Unrenderable} says why not in words that hold none of the model's values. */
    RenderedEmail render(String template, String subject, String modelJson) {
        Map<String, Object> model;
        try {
            model = reader.readValue(modelJson);
        } catch (JacksonException | IllegalArgumentException e) {
            // Jackson's message quotes the document, which holds the recipient's data.
            throw new Unrenderable("its stored values are not a JSON object");
        }
        if (model == null) {
            throw new Unrenderable("it has neither bodies nor stored values");
        }
        try {
            return renderer.renderPrepared(template, subject, model);
        } catch (IllegalArgumentException e) {
            throw new Unrenderable(e.getMessage());
        } catch (TemplateProcessingException e) {
            // Where, not what: the causes' messages may quote the values the template was given.
            throw new Unrenderable("template '" + template + "' failed"
                    + (e.getLine() == null ? "" : " at line " + e.getLine() + ", column " + e.getCol()));
        } catch (RuntimeException e) {
            throw new Unrenderable(e.getClass().getSimpleName());
        }
    }

    private static void requireJsonValue(String key, Object value) {
        switch (value) {
            case null -> { }
            case String text -> { }
            case Boolean flag -> { }
            case Integer number -> { }
            case Long number -> { }
            case Short number -> { }
            case Byte number -> { }
            case BigInteger number -> { }
            case BigDecimal number -> { }
            case List<?> list -> list.forEach(item -> requireJsonValue(key, item));
            case Map<?, ?> map -> map.forEach((name, item) -> {
                if (!(name instanceof String)) {
                    throw new IllegalArgumentException("model value '" + key + "' is a map whose keys are not text");
                }
                requireJsonValue(key, item);
            });
            default -> throw new IllegalArgumentException("model value '" + key + "' holds a "
                    + value.getClass().getSimpleName() + ": a bulk message takes text, whole numbers, BigDecimals, "
                    + "booleans, lists and maps (times only at the top level, where they are written out)");
        }
    }

    /** Rendering a stored message failed; the message says why in one line without the model's values. */
    static final class Unrenderable extends RuntimeException {

        Unrenderable(String reason) {
            super(reason == null ? "unknown reason" : reason.replaceAll("\\s+", " ").strip());
        }
    }
}
