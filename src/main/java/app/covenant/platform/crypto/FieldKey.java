package app.covenant.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor.CipherAlgorithm;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * One AES-256-GCM key with its short public id. Spring Security's {@link AesBytesEncryptor} does the
 * cipher work (random 96-bit IV per value, prepended); only the key derivation is chosen here.
 */
final class FieldKey {

    // Part of the v1 stored format: changing any of these makes existing values unreadable.
    private static final String DERIVATION = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 600_000; // OWASP 2023 figure for PBKDF2-HMAC-SHA256
    private static final int KEY_BITS = 256;
    private static final int IV_BYTES = 12;
    private static final byte[] ID_CONTEXT = "covenant field key id v1:".getBytes(StandardCharsets.US_ASCII);

    private final String id;
    private final byte[] fingerprint;
    private final BytesEncryptor encryptor;

    private FieldKey(String id, byte[] fingerprint, BytesEncryptor encryptor) {
        this.id = id;
        this.fingerprint = fingerprint;
        this.encryptor = encryptor;
    }

    static FieldKey derive(KeySecret secret) {
        byte[] key = pbkdf2(secret);
        // The id is a hash of the derived key, not of the raw secret: it cannot shortcut the PBKDF2 cost.
        byte[] fingerprint = sha256(ID_CONTEXT, key);
        String id = HexFormat.of().formatHex(fingerprint, 0, 4);
        BytesEncryptor encryptor = new AesBytesEncryptor(new SecretKeySpec(key, "AES"),
                KeyGenerators.secureRandom(IV_BYTES), CipherAlgorithm.GCM);
        Arrays.fill(key, (byte) 0);
        return new FieldKey(id, fingerprint, encryptor);
    }

    String id() {
        return id;
    }

    byte[] encrypt(byte[] plaintext) {
        return encryptor.encrypt(plaintext);
    }

    byte[] decrypt(byte[] ciphertext) {
        return encryptor.decrypt(ciphertext);
    }

    /** Same key material (not merely the same 32-bit id). */
    boolean sameKeyAs(FieldKey other) {
        return MessageDigest.isEqual(fingerprint, other.fingerprint);
    }

    @Override
    public String toString() {
        return "FieldKey[" + id + "]";
    }

    private static byte[] pbkdf2(KeySecret secret) {
        PBEKeySpec spec = new PBEKeySpec(secret.secret().toCharArray(),
                secret.salt().getBytes(StandardCharsets.UTF_8), ITERATIONS, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(DERIVATION).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the field encryption key with " + DERIVATION, e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] sha256(byte[] context, byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(context);
            return digest.digest(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
