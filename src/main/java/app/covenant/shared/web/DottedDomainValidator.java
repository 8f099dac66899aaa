package app.covenant.shared.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * The domain half of {@link EmailAddress}: after the last {@code @}, at least two non-empty labels
 * ({@code example.com}, not {@code x} nor {@code x.}). A value without {@code @} is left to {@code @Email},
 * so a field gets one message, not two.
 */
public class DottedDomainValidator implements ConstraintValidator<EmailAddress, CharSequence> {

    static final String MESSAGE = "needs a domain with a dot, such as name@example.com";

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String text = value.toString().strip();
        int at = text.lastIndexOf('@');
        return at < 0 || hasDottedDomain(text.substring(at + 1));
    }

    /** Whether {@code domain} is made of two or more non-empty labels. */
    public static boolean hasDottedDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code address} has a dotted domain after its last {@code @} (for checks outside Bean Validation). */
    public static boolean isDeliverable(String address) {
        String text = address == null ? "" : address.strip();
        int at = text.lastIndexOf('@');
        return at > 0 && hasDottedDomain(text.substring(at + 1));
    }
}
