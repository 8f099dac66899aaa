package app.covenant.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Values round-trip, never repeat, resist tampering, survive key rotation and never reveal a secret. */
class FieldEncryptorTest {

    // Deriving a key costs a deliberate ~0.1 s (PBKDF2), so the encryptors are shared by all tests.
    static final KeySecret OLD = new KeySecret("old-Zq8vN3xK7pL2mR9tW4yB6cD1eF5", "old-salt-H5jF8gS2kL");
    static final KeySecret CURRENT = new KeySecret("cur-Xb7Yc2Vn9Mq4Lk6Jh3Gf0Dd8Ss1", "cur-salt-T8rE5wQ1zX");
    static final KeySecret UNRELATED = new KeySecret("unr-Pp3Oo9Ii7Uu5Yy1Tt2Rr4Ee6Ww8", "unr-salt-A1sD2fG3hJ");
    static final List<String> SECRETS = List.of(OLD.secret(), OLD.salt(), CURRENT.secret(), CURRENT.salt(),
            UNRELATED.secret(), UNRELATED.salt());

    static final FieldEncryptor beforeRotation = new FieldEncryptor(OLD, List.of());
    static final FieldEncryptor afterRotation = new FieldEncryptor(CURRENT, List.of(OLD));
    static final FieldEncryptor unrelated = new FieldEncryptor(UNRELATED, List.of());

    static Stream<String> plaintexts() {
        return Stream.of("", "a", "Tax id 12-3456789", "+1 (212) 555-0100", "Ünïcödé 日本語 עברית 🙂👍🏽",
                "enc:v1:00000000:looks-encrypted", "line\nbreak\ttab\u0000nul", "x".repeat(10_000));
    }

    @ParameterizedTest
    @MethodSource("plaintexts")
    void roundTrips(String plaintext) {
        String stored = afterRotation.encrypt(plaintext);

        assertThat(afterRotation.decrypt(stored)).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @MethodSource("plaintexts")
    void storesTheVersionKeyIdAndBase64OfIvCiphertextAndTag(String plaintext) {
        String stored = afterRotation.encrypt(plaintext);

        assertThat(stored).matches("enc:v1:[0-9a-f]{8}:[A-Za-z0-9+/]+={0,2}")
                .startsWith("enc:v1:" + afterRotation.currentKeyId() + ":");
        byte[] payload = Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
        assertThat(payload).hasSize(12 + plaintext.getBytes(StandardCharsets.UTF_8).length + 16);
        if (plaintext.length() > 1) {
            assertThat(stored).doesNotContain(plaintext);
        }
    }

    @Test
    void nullStaysNull() {
        assertThat(afterRotation.encrypt(null)).isNull();
        assertThat(afterRotation.decrypt(null)).isNull();
    }

    @Test
    void theSamePlaintextNeverGivesTheSameStoredValue() {
        Set<String> stored = new HashSet<>();
        IntStream.range(0, 200).forEach(i -> stored.add(afterRotation.encrypt("same value")));

        assertThat(stored).hasSize(200).allSatisfy(value -> assertThat(afterRotation.decrypt(value)).isEqualTo("same value"));
    }

    @Test
    void theKeyIdIsStableAndDependsOnKeyAndSalt() {
        assertThat(new FieldEncryptor(CURRENT, List.of()).currentKeyId()).isEqualTo(afterRotation.currentKeyId());
        assertThat(new FieldEncryptor(new KeySecret(CURRENT.secret(), OLD.salt()), List.of()).currentKeyId())
                .isNotEqualTo(afterRotation.currentKeyId());
        assertThat(Set.of(beforeRotation.currentKeyId(), afterRotation.currentKeyId(), unrelated.currentKeyId())).hasSize(3);
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                tampering("a flipped ciphertext bit", stored -> flipBit(stored, stored.lastIndexOf(':') + 30)),
                tampering("a flipped IV bit", stored -> flipBit(stored, stored.lastIndexOf(':') + 2)),
                tampering("a flipped tag bit", stored -> flipBit(stored, stored.length() - 3)),
                tampering("a truncated value", stored -> stored.substring(0, stored.length() - 8)),
                tampering("a value cut inside the IV", stored -> stored.substring(0, stored.lastIndexOf(':') + 8)),
                tampering("an empty payload", stored -> stored.substring(0, stored.lastIndexOf(':') + 1)),
                tampering("extra bytes", stored -> stored.replaceFirst("=*$", "") + "AAAA"),
                tampering("no base64", stored -> stored.substring(0, stored.lastIndexOf(':') + 1) + "not*base64!"),
                tampering("another readable key's id", stored -> stored.replace(
                        afterRotation.currentKeyId(), beforeRotation.currentKeyId())));
    }

    @ParameterizedTest
    @MethodSource("tamperings")
    void aTamperedValueIsRejectedNamingItsKeyId(UnaryOperator<String> tamper) {
        String tampered = tamper.apply(afterRotation.encrypt("Routing 021000021, account 1234567890"));
        String keyId = tampered.split(":")[2];

        assertThatIllegalStateException().isThrownBy(() -> afterRotation.decrypt(tampered))
                .withMessageContaining("key id " + keyId)
                .withMessageNotContaining("1234567890");
    }

    @Test
    void rotationWritesWithTheNewKeyAndStillReadsTheOldOne() {
        String writtenBefore = beforeRotation.encrypt("written before rotation");
        String writtenAfter = afterRotation.encrypt("written after rotation");

        assertThat(afterRotation.decrypt(writtenBefore)).isEqualTo("written before rotation");
        assertThat(writtenAfter).startsWith("enc:v1:" + afterRotation.currentKeyId() + ":");
        assertThat(afterRotation.currentKeyId()).isNotEqualTo(beforeRotation.currentKeyId());
        assertThat(afterRotation.decrypt(afterRotation.encrypt("again"))).isEqualTo("again");
    }

    @Test
    void anUnknownKeyIdIsRejectedNamingIt() {
        String foreign = unrelated.encrypt("not for you");

        assertThatIllegalStateException().isThrownBy(() -> afterRotation.decrypt(foreign))
                .withMessageContaining("key id " + unrelated.currentKeyId())
                .withMessageContaining("ENCRYPTION_PREVIOUS_KEYS");
        assertThatIllegalStateException().isThrownBy(() -> beforeRotation.decrypt(afterRotation.encrypt("newer")))
                .withMessageContaining(afterRotation.currentKeyId());
    }

    static Stream<Arguments> previousKeyEntries() {
        return Stream.of(
                Arguments.of(OLD.secret() + "@" + OLD.salt(), CURRENT.salt(), OLD),
                Arguments.of(" " + OLD.secret() + " @ " + OLD.salt() + " ", CURRENT.salt(), OLD),
                Arguments.of(OLD.secret(), OLD.salt(), OLD),
                Arguments.of("p@ss@word-salt", CURRENT.salt(), new KeySecret("p@ss", "word-salt")));
    }

    @ParameterizedTest
    @MethodSource("previousKeyEntries")
    void previousKeysAreAKeyWithTheCurrentSaltOrAKeyAtSaltPair(String entry, String currentSalt, KeySecret expected) {
        assertThat(KeySecret.previous(entry.trim(), currentSalt)).isEqualTo(expected);
    }

    @Test
    void aPreviousKeyGivenAsKeyAtSaltReadsOldValues() {
        FieldEncryptor rotated = new FieldEncryptor(CURRENT, List.of(KeySecret.previous(OLD.secret() + "@" + OLD.salt(), CURRENT.salt())));

        assertThat(rotated.decrypt(beforeRotation.encrypt("old value"))).isEqualTo("old value");
    }

    @Test
    void theCurrentKeyListedAgainAsPreviousIsHarmless() {
        assertThat(new FieldEncryptor(CURRENT, List.of(CURRENT, OLD)).decrypt(afterRotation.encrypt("x"))).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "555-0100", "12-3456789", "ENC:v1:upper case is plaintext", "encrypted? no", "en",
            "plain enc:v1:00000000:AAAA", "日本語"})
    void legacyPlaintextIsReturnedAsIs(String legacy) {
        assertThat(afterRotation.decrypt(legacy)).isSameAs(legacy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"enc:", "enc:v2:0a1b2c3d:AAAA", "enc:v1:", "enc:v1:0a1b2c3d", "enc:v1:XYZ:AAAA",
            "enc:v1:0A1B2C3D:AAAA", "enc:v1:secret-plaintext-here:AAAA"})
    void aMalformedEncryptedValueIsRejectedWithoutEchoingIt(String malformed) {
        Throwable error = catchThrowable(() -> afterRotation.decrypt(malformed));

        assertThat(error).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Encrypted field value");
        assertThat(error.getMessage()).doesNotContain("secret-plaintext-here", "XYZ");
    }

    @Test
    void aKeyNeedsBothSecretAndSalt() {
        assertThatIllegalStateException().isThrownBy(() -> new KeySecret(CURRENT.secret(), " "))
                .withMessageNotContaining(CURRENT.secret());
        assertThatIllegalStateException().isThrownBy(() -> KeySecret.previous("@" + OLD.salt(), CURRENT.salt()))
                .withMessageNotContaining(OLD.salt());
    }

    @Test
    void noSecretAppearsInAnyTextTheseClassesProduce() {
        List<String> texts = new ArrayList<>(List.of(beforeRotation.toString(), afterRotation.toString(), OLD.toString(),
                FieldKey.derive(OLD).toString(),
                new FieldEncryptionProperties(CURRENT.secret(), CURRENT.salt(), List.of(OLD.secret() + "@" + OLD.salt()), null).toString()));
        List<Throwable> errors = List.of(
                catchThrowable(() -> afterRotation.decrypt(unrelated.encrypt("x"))),
                catchThrowable(() -> afterRotation.decrypt(flipBit(afterRotation.encrypt("x"), 30))),
                catchThrowable(() -> afterRotation.decrypt(afterRotation.encrypt("x").substring(0, 20))),
                catchThrowable(() -> new KeySecret(CURRENT.secret(), "")));
        for (Throwable error : errors) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                texts.add(cause.toString());
            }
        }

        assertThat(texts).hasSizeGreaterThanOrEqualTo(9).allSatisfy(text -> assertThat(text).doesNotContain(SECRETS));
        assertThat(afterRotation.toString()).contains(afterRotation.currentKeyId(), beforeRotation.currentKeyId());
    }

    private static Arguments tampering(String name, UnaryOperator<String> tamper) {
        return Arguments.of(Named.of(name, tamper));
    }

    /** Flips the lowest bit of the byte the base64 character at {@code index} falls into. */
    private static String flipBit(String stored, int index) {
        int payloadStart = stored.lastIndexOf(':') + 1;
        byte[] payload = Base64.getDecoder().decode(stored.substring(payloadStart));
        payload[Math.min((index - payloadStart) * 3 / 4, payload.length - 1)] ^= 1;
        return stored.substring(0, payloadStart) + Base64.getEncoder().encodeToString(payload);
    }
}
