package app.covenant.identity.web;

import app.covenant.identity.internal.Invitations;
import app.covenant.identity.internal.MemberFilter;
import app.covenant.identity.internal.UserAdministration;
import app.covenant.identity.internal.UserView;
import app.covenant.shared.security.Caller;
import app.covenant.shared.web.Sorting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import jakarta.validation.Valid;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The members of the caller's organization. Role, suspend, reinstate and remove act on the membership
 * here; name, phone, deactivate, reactivate and unlock on the account, where the caller may (see
 * {@code MemberAuthority}).
 */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
class UserController {

    /** Columns a list may be sorted by; any other key (say, the password hash) is a 400. */
    private static final Set<String> SORTABLE = Set.of("name", "email", "status", "createdAt", "lastSignInAt");

    private final UserAdministration users;
    private final Invitations invitations;

    UserController(UserAdministration users, Invitations invitations) {
        this.users = users;
        this.invitations = invitations;
    }

    @PreAuthorize("hasAuthority('user:read')")
    /** {@code role}: a role code; {@code status}: ACTIVE, PENDING (invited, not accepted yet), SUSPENDED, DEACTIVATED or LOCKED. */
    @Operation(summary = "List and search the organization's users")
    @GetMapping
    Page<UserView> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String q,
                        @Parameter(description = "A role code, e.g. MANAGER") @RequestParam(required = false) String role,
                        @Parameter(description = "ACTIVE, PENDING (invited, not accepted yet), SUSPENDED, DEACTIVATED or LOCKED")
                        @RequestParam(required = false) String status,
                        Pageable pageable) {
        return users.list(caller, MemberFilter.of(q, role, status), Sorting.only(pageable, SORTABLE, Sort.by("name")));
    }

    @PreAuthorize("hasAuthority('user:read')")
    @Operation(summary = "Get a user")
    @GetMapping("/{id}")
    UserView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return users.get(caller, id);
    }

    @PreAuthorize("hasAuthority('user:invite')")
    @Operation(summary = "Invite a user by e-mail", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"email": "sam.site@example.org", "name": "Sam Site", "roleCode": "MANAGER"}"""))))
    @PostMapping("/invite")
    @ResponseStatus(HttpStatus.CREATED)
    UserView invite(@AuthenticationPrincipal Caller caller, @Valid @RequestBody AdminRequests.Invite body) {
        return invitations.invite(caller, body.email(), body.name(), body.roleCode(), body.organizationId());
    }

    @PreAuthorize("hasAuthority('user:invite')")
    @Operation(summary = "Send a pending invitation again")
    @PostMapping("/{id}/resend-invitation")
    UserView resendInvitation(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return invitations.resend(caller, id);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @Operation(summary = "Update a user's name, phone or role")
    @PutMapping("/{id}")
    UserView update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                    @Valid @RequestBody AdminRequests.UpdateUser body) {
        return users.update(caller, id, body.name(), body.phone(), body.roleCode());
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @Operation(summary = "Deactivate a user's account")
    @PostMapping("/{id}/deactivate")
    UserView deactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return users.deactivate(caller, id);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @Operation(summary = "Reactivate a deactivated account")
    @PostMapping("/{id}/reactivate")
    UserView reactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return users.reactivate(caller, id);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @Operation(summary = "Unlock an account locked after failed sign-ins")
    @PostMapping("/{id}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        users.unlock(caller, id);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @Operation(summary = "Suspend a user's membership in the organization")
    @PostMapping("/{id}/suspend")
    UserView suspend(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return users.suspend(caller, id);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @Operation(summary = "Reinstate a suspended membership")
    @PostMapping("/{id}/reinstate")
    UserView reinstate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return users.reinstate(caller, id);
    }

    /** Takes the person out of this organization, or withdraws an invitation not accepted yet. */
    @PreAuthorize("hasAuthority('user:manage')")
    @Operation(summary = "Remove a user from the organization")
    @DeleteMapping("/{id}/membership")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMembership(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        users.removeMembership(caller, id);
    }
}
