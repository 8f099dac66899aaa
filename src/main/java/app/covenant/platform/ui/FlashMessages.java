package app.covenant.platform.ui;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The success messages of one module's pages after POST-redirect-GET, declared as a bean from the
 * module's own package. The redirect carries only the key ({@code /documents?done=deleted}); the page
 * shows the sentence declared here, so a crafted link can show nothing but these sentences. Keys are
 * global: two modules declaring the same key stop the application at start ({@link FlashCatalogue}).
 *
 * <pre>{@code
 * @Bean
 * static FlashMessages documentFlashMessages() {
 *     return new FlashMessages("documents", Map.of("deleted", "The document was deleted."));
 * }
 * }</pre>
 */
public record FlashMessages(String module, Map<String, String> messages) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public FlashMessages {
        if (module == null || module.isBlank()) {
            throw new IllegalArgumentException("Flash messages need the name of the module declaring them");
        }
        messages = Map.copyOf(messages);
        messages.forEach((key, sentence) -> {
            if (!KEY.matcher(key).matches() || sentence.isBlank()) {
                throw new IllegalArgumentException("Flash message '" + key + "' of " + module
                        + " needs a lower-case-with-dashes key and a sentence");
            }
        });
    }
}
