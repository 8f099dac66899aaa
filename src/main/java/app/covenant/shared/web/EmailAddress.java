package app.covenant.shared.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An e-mail address someone can actually be written to: well formed ({@link Email}) and with a dotted
 * domain. {@code @Email} alone takes {@code foo@x}, which no mail provider delivers to, and the invitation
 * or reset would be lost without a word. {@code null} is valid (pair with {@code @NotBlank}).
 */
@Documented
@Email(message = "is not an e-mail address")
@Constraint(validatedBy = DottedDomainValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    String message() default DottedDomainValidator.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
