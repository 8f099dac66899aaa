package app.covenant.platform.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a {@code String} attribute encrypted: {@code @Convert(converter = EncryptedStringConverter.class)}.
 * Hibernate creates it through Spring's bean container, so the {@link FieldEncryptor} is injected.
 * Opt-in per field ({@code autoApply = false}): most strings are not secret. Encrypted columns cannot be
 * searched or sorted by value, and need room for the longer stored form (4/3 of the UTF-8 size + 56 characters).
 */
@Converter(autoApply = false)
public class EncryptedStringConverter implements AttributeConverter<String, String> {

    private final FieldEncryptor encryptor;

    public EncryptedStringConverter(FieldEncryptor encryptor) {
        this.encryptor = encryptor;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return encryptor.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return encryptor.decrypt(column);
    }
}
