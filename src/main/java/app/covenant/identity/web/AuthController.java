package app.covenant.identity.web;

import app.covenant.identity.internal.AccountService;
import app.covenant.identity.internal.ClientInfo;
import app.covenant.identity.internal.InvitationAcceptance;
import app.covenant.identity.internal.Me;
import app.covenant.identity.internal.SessionAdministration;
import app.covenant.identity.internal.SessionView;
import app.covenant.identity.internal.SignInService;
import app.covenant.identity.web.security.CallerAuthentication;
import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, tokens and one's own account: {@code /api/v1/auth} of API.md. */
@RestController
@RequestMapping(path = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthController {

    private final SignInService signIn;
    private final AccountService accounts;
    private final SessionAdministration sessions;
    private final InvitationAcceptance invitations;
    private final Clock clock;

    AuthController(SignInService signIn, AccountService accounts, SessionAdministration sessions,
                   InvitationAcceptance invitations, Clock clock) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.sessions = sessions;
        this.invitations = invitations;
        this.clock = clock;
    }

    @PermitAll
    @Operation(summary = "Sign in with e-mail and password", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"email": "admin@example.org", "password": "correct horse battery staple"}"""))),
            responses = {@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Signed in"),
                    @ApiResponse(responseCode = "401", description = "Wrong e-mail or password"),
                    @ApiResponse(responseCode = "423", description = "Locked after too many failed sign-ins (see Retry-After)")})
    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody AuthRequests.Login body, HttpServletRequest request) {
        return TokenResponse.of(signIn.signIn(body.email(), body.password(), ClientInfo.of(request)), clock);
    }

    @PermitAll
    @Operation(summary = "Exchange a refresh token for new tokens",
            responses = {@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "New tokens"),
                    @ApiResponse(responseCode = "401", description = "The refresh token is not valid or its session has ended")})
    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody AuthRequests.Refresh body, HttpServletRequest request) {
        return TokenResponse.of(signIn.refresh(body.refreshToken(), ClientInfo.of(request)), clock);
    }

    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Sign out of the current session")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(CallerAuthentication authentication,
                @Valid @RequestBody(required = false) AuthRequests.Logout body) {
        // The session is the access token's own family; the optional refresh token names the same one.
        signIn.signOut(authentication.getPrincipal(), authentication.getCredentials().getId(),
                authentication.getCredentials().getExpiresAt());
    }

    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Who the caller is, in which organization, with which permissions")
    @GetMapping("/me")
    Me me(@AuthenticationPrincipal Caller caller) {
        return accounts.describe(caller);
    }

    @PermitAll
    @Operation(summary = "Ask for a password reset e-mail")
    @PostMapping("/forgot-password")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void forgotPassword(@Valid @RequestBody AuthRequests.ForgotPassword body, HttpServletRequest request) {
        accounts.forgotPassword(body.email(), ClientInfo.of(request));
    }

    @PermitAll
    @Operation(summary = "Set a new password with a reset token")
    @PostMapping("/reset-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@Valid @RequestBody AuthRequests.ResetPassword body) {
        accounts.resetPassword(body.token(), body.newPassword());
    }

    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change one's own password")
    @PostMapping("/change-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal Caller caller, @Valid @RequestBody AuthRequests.ChangePassword body) {
        accounts.changePassword(caller, body.currentPassword(), body.newPassword());
    }

    /** Signed in as the invitee: the token alone; otherwise name and password (an existing account: its password). */
    @PermitAll
    @Operation(summary = "Accept an invitation and sign in", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"token": "the token from the invitation link", "name": "Sam Site", "password": "a long new passphrase"}"""))))
    @PostMapping("/accept-invite")
    TokenResponse acceptInvite(@AuthenticationPrincipal Caller caller,
                               @Valid @RequestBody AuthRequests.AcceptInvite body, HttpServletRequest request) {
        return TokenResponse.of(invitations.accept(caller, body.token(), body.name(), body.password(),
                ClientInfo.of(request)), clock);
    }

    @PermitAll
    @Operation(summary = "Confirm an e-mail address with its token")
    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verifyEmail(@Valid @RequestBody AuthRequests.VerifyEmail body) {
        accounts.verifyEmail(body.token());
    }

    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Send the e-mail verification link again")
    @PostMapping("/send-verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void sendVerification(@AuthenticationPrincipal Caller caller) {
        accounts.sendEmailVerification(caller);
    }

    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Switch to another organization one belongs to")
    @PostMapping("/switch-org")
    TokenResponse switchOrganization(@AuthenticationPrincipal Caller caller,
                                     @Valid @RequestBody AuthRequests.SwitchOrganization body,
                                     HttpServletRequest request) {
        return TokenResponse.of(signIn.switchOrganization(caller, body.organizationId(), ClientInfo.of(request)), clock);
    }

    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "List one's signed-in sessions")
    @GetMapping("/sessions")
    List<SessionView> sessions(@AuthenticationPrincipal Caller caller) {
        return sessions.mine(caller);
    }

    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Revoke one of one's sessions")
    @PostMapping("/sessions/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeSession(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        sessions.revoke(caller, id);
    }
}
