package app.covenant.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Encrypts single column values as {@code enc:v1:<keyId>:<base64(iv + ciphertext + tag)>}. New values
 * use the current key; values of any configured previous key stay readable, so keys can rotate without
 * rewriting every row at once. Values not in the {@code enc:} form are legacy plaintext and are returned
 * unchanged, so a column can be migrated row by row.
 */
public final class FieldEncryptor {

    private static final String PREFIX = "enc:";
    private static final String V1 = PREFIX + "v1:";
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}");

    private final FieldKey current;
    private final Map<String, FieldKey> readable = new LinkedHashMap<>();

    FieldEncryptor(KeySecret current, List<KeySecret> previous) {
        this.current = FieldKey.derive(current);
        readable.put(this.current.id(), this.current);
        previous.stream().map(FieldKey::derive).forEach(this::addReadable);
    }

    /** The encrypted form of {@code plaintext}, different on every call (random IV); {@code null} stays {@code null}. */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] ciphertext = current.encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
        return V1 + current.id() + ":" + Base64.getEncoder().encodeToString(ciphertext);
    }

    /**
     * The plaintext of a stored value; legacy plaintext (not starting with {@code enc:}) as is.
     *
     * @throws IllegalStateException if the value was altered, is malformed, or its key is not configured
     */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        if (!stored.startsWith(V1)) {
            throw new IllegalStateException("Encrypted field value has an unsupported format (expected enc:v1:)");
        }
        int separator = stored.indexOf(':', V1.length());
        String keyId = separator < 0 ? "" : stored.substring(V1.length(), separator);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalStateException("Encrypted field value has no valid key id");
        }
        FieldKey key = readable.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Encrypted field value uses key id " + keyId
                    + ", which is not configured: add that key to ENCRYPTION_PREVIOUS_KEYS");
        }
        try {
            byte[] ciphertext = Base64.getDecoder().decode(stored.substring(separator + 1));
            return new String(key.decrypt(ciphertext), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            // Bad base64, a short value or a GCM tag mismatch; the causes name neither key nor plaintext.
            throw new IllegalStateException("Encrypted field value with key id " + keyId
                    + " cannot be decrypted: it was altered or truncated", e);
        }
    }

    /** Id of the key new values are written with. */
    public String currentKeyId() {
        return current.id();
    }

    @Override
    public String toString() {
        return "FieldEncryptor[current=" + current.id() + ", readable=" + readable.keySet() + "]";
    }

    private void addReadable(FieldKey key) {
        FieldKey existing = readable.putIfAbsent(key.id(), key);
        if (existing != null && !existing.sameKeyAs(key)) {
            throw new IllegalStateException("Two different encryption keys share the key id " + key.id()
                    + ": replace one of them");
        }
    }
}
