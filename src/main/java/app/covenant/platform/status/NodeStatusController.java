package app.covenant.platform.status;

import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.PermitAll;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The node's status as JSON, for operators and load balancers; the System page shows the same. */
// Public: whether the node is up; its version and database product only for platform operators.
@PermitAll
@RestController
class NodeStatusController {

    private final NodeStatusService status;

    NodeStatusController(NodeStatusService status) {
        this.status = status;
    }

    @Operation(summary = "The node's status (version and database for platform operators)")
    @GetMapping(path = "/api/v1/system/status", produces = MediaType.APPLICATION_JSON_VALUE)
    NodeStatus status(@AuthenticationPrincipal Caller caller) {
        return status.visibleTo(caller);
    }
}
