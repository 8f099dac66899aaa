package app.covenant.contracts.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A contract's {@code amount} as API.md writes money: a whole-dollar integer ({@code 125000}) or a decimal string
 * ({@code "125000.50"}), never a float ({@code 125000.5} is refused: a binary fraction is not an amount). The
 * platform's strict JSON input refuses a number for a text field everywhere else on purpose.
 */
class AmountReader extends ValueDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        return switch (parser.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT -> parser.getText();
            default -> (String) context.handleUnexpectedToken(String.class, parser);
        };
    }
}
