package app.covenant.platform.crypto;

import jakarta.validation.constraints.AssertTrue;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Keys of the field encryption ({@code covenant.crypto.*}, fed by {@code ENCRYPTION_KEY},
 * {@code ENCRYPTION_SALT} and {@code ENCRYPTION_PREVIOUS_KEYS}). With no key, a generated local key is
 * used (embedded default); production refuses to start without one.
 *
 * @param key          the current secret; new values are encrypted with the key derived from it
 * @param salt         the PBKDF2 salt of {@code key} (and of old keys given without their own salt)
 * @param previousKeys old keys that stay readable: each entry is {@code key} (with the current salt) or
 *                     {@code key@salt} (the part after the last {@code @} is the salt, so a key that
 *                     contains {@code @} must always be written as {@code key@salt})
 * @param localKeyDirectory where the generated key is kept without {@code key}: {@code DATA_DIR}, under
 *                     {@code secrets/}
 */
@Validated
@ConfigurationProperties("covenant.crypto")
record FieldEncryptionProperties(
        @DefaultValue("") String key,
        @DefaultValue("") String salt,
        @DefaultValue List<String> previousKeys,
        Path localKeyDirectory) {

    FieldEncryptionProperties {
        key = key == null ? "" : key.trim();
        salt = salt == null ? "" : salt.trim();
        previousKeys = previousKeys == null ? List.of()
                : previousKeys.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }

    boolean hasKey() {
        return !key.isEmpty();
    }

    @AssertTrue(message = "covenant.crypto.local-key-directory (DATA_DIR) must be set when ENCRYPTION_KEY is not")
    boolean isLocalKeyDirectoryGivenWithoutKey() {
        return hasKey() || localKeyDirectory != null;
    }

    // A constraint on the method, not on the fields: a failed field constraint would print the secret.
    @AssertTrue(message = "ENCRYPTION_SALT (covenant.crypto.salt) must be set when ENCRYPTION_KEY is set")
    boolean isSaltGivenWithKey() {
        return !hasKey() || !salt.isEmpty();
    }

    /** Secrets never reach a log line or an error page through this record. */
    @Override
    public String toString() {
        return "FieldEncryptionProperties[key=" + (hasKey() ? "<set>" : "<local>") + ", previousKeys="
                + previousKeys.size() + "]";
    }
}
