package app.covenant.platform.modules;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A per-organization switch a module declares as a bean and reads through {@link FeatureSwitches}. Off
 * until an organization's administrator switches it on at {@code /admin/features}, which shows the title
 * and description. Declare a flag only where the module reads it: the page lists every declared one.
 *
 * @param key         UPPER_SNAKE, unique across modules; the key of the API and of {@link FeatureSwitches#isOn}
 * @param title       a few words, e.g. "Finance approval"
 * @param description what switching it on changes, in words an administrator recognises
 */
public record FeatureFlag(String key, String title, String description) {

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    public FeatureFlag {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches() || key.length() > 50) {
            throw new IllegalArgumentException("A feature flag key is UPPER_SNAKE, at most 50 characters: " + key);
        }
        if (title == null || title.isBlank() || description == null || description.isBlank()) {
            throw new IllegalArgumentException("The feature flag " + key + " needs a title and a description");
        }
    }
}
