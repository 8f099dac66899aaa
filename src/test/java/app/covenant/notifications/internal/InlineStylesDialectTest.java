package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class InlineStylesDialectTest {

    @Test
    void readsSingleClassRulesIntoCompactDeclarations() {
        String css = """
                /* a comment with .fake { color: red; } inside */
                .button { color : #fff;  padding: 12px 20px ; }
                .note{margin:0}
                .button { font-weight: 600; }
                """;

        assertThat(InlineStylesDialect.parse(css)).containsOnly(
                entry("button", "color:#fff;padding:12px 20px;font-weight:600;"),
                entry("note", "margin:0;"));
    }
}
