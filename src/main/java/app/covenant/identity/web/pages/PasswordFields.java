package app.covenant.identity.web.pages;

import app.covenant.platform.ui.FormErrors;
import java.util.Objects;

/** The "repeat the password" check of the forms that set one; the rules themselves are the service's. */
final class PasswordFields {

    private PasswordFields() {
    }

    /** Errors naming {@code confirmPassword} when the two entries differ, else {@code null}. */
    static FormErrors mismatch(String password, String confirmation) {
        return Objects.equals(password, confirmation) ? null
                : FormErrors.field("confirmPassword", "does not match the new password");
    }
}
