/**
 * Field-level encryption (AES-256-GCM, rotating keys) for personal and secret columns. Published as
 * the named interface {@code platform :: crypto} because every module that stores such a field needs
 * {@link app.covenant.platform.crypto.EncryptedStringConverter} or {@link app.covenant.platform.crypto.FieldEncryptor}.
 */
@org.springframework.modulith.NamedInterface("crypto")
package app.covenant.platform.crypto;
