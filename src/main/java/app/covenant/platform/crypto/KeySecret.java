package app.covenant.platform.crypto;

/**
 * A secret and the salt its AES key is derived with. Its {@code toString} hides both, so a stray log
 * line or exception message can never carry them.
 */
record KeySecret(String secret, String salt) {

    KeySecret {
        if (secret == null || secret.isBlank() || salt == null || salt.isBlank()) {
            throw new IllegalStateException("An encryption key needs both a secret and a salt");
        }
    }

    /** One entry of {@code ENCRYPTION_PREVIOUS_KEYS}: {@code key}, or {@code key@salt} split at the last {@code @}. */
    static KeySecret previous(String entry, String currentSalt) {
        int at = entry.lastIndexOf('@');
        if (at < 0) {
            return new KeySecret(entry, currentSalt);
        }
        return new KeySecret(entry.substring(0, at).trim(), entry.substring(at + 1).trim());
    }

    @Override
    public String toString() {
        return "KeySecret[<redacted>]";
    }
}
