package app.covenant.contracts.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A template variable's value as the API takes it: a string, or a JSON number or boolean written as its text
 * ({@code "TERM_YEARS": 2} is "2"), since a NUMBER variable is naturally sent as a number. The platform's strict JSON
 * input refuses such coercion everywhere else on purpose; an object or an array is still refused (400 naming
 * {@code variables.KEY}), and the template's own type check then judges the text.
 */
class VariableValueReader extends ValueDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        return switch (parser.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
            default -> (String) context.handleUnexpectedToken(String.class, parser);
        };
    }
}
