package app.covenant.identity.web;

import app.covenant.shared.web.EmailAddress;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Bodies of the {@code /api/v1/auth} endpoints. Passwords are bounded so hashing cannot be abused. */
final class AuthRequests {

    private AuthRequests() {
    }

    record Login(@NotBlank @EmailAddress @Size(max = 320) String email, @NotBlank @Size(max = 128) String password) {
    }

    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
    }

    record Logout(@Size(max = 200) String refreshToken) {
    }

    record ForgotPassword(@NotBlank @EmailAddress @Size(max = 320) String email) {
    }

    record ResetPassword(@NotBlank @Size(max = 200) String token, @NotBlank @Size(max = 128) String newPassword) {
    }

    record ChangePassword(@NotBlank @Size(max = 128) String currentPassword,
                          @NotBlank @Size(max = 128) String newPassword) {
    }

    /** Name and password only where the invitation needs them (a new address; an existing account's password). */
    record AcceptInvite(@NotBlank @Size(max = 200) String token, @Size(max = 200) String name,
                        @Size(max = 128) String password) {
    }

    record VerifyEmail(@NotBlank @Size(max = 200) String token) {
    }

    record SwitchOrganization(@NotNull UUID organizationId) {
    }
}
