package app.covenant.platform.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every module's {@link FlashMessages}, collected once at start. A key declared by two modules is a
 * start-up failure, not a page that shows the wrong module's sentence.
 */
@Component
public class FlashCatalogue {

    private final Map<String, String> messages;

    public FlashCatalogue(List<FlashMessages> declared) {
        Map<String, String> byKey = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        for (FlashMessages module : declared) {
            module.messages().forEach((key, sentence) -> {
                String owner = owners.putIfAbsent(key, module.module());
                if (owner != null) {
                    throw new IllegalStateException("The flash message key '" + key + "' is declared by both "
                            + owner + " and " + module.module() + "; give one of them another key");
                }
                byKey.put(key, sentence);
            });
        }
        this.messages = Map.copyOf(byKey);
    }

    /** The sentence for a {@code done} key, or {@code null} for a key no module declared (or none). */
    public String message(String key) {
        return key == null ? null : messages.get(key);
    }
}
