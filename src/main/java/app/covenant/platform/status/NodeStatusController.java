package app.covenant.platform.status;

import jakarta.annotation.security.PermitAll;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The node's status as JSON, for operators and the home page. */
// Public: the same facts the home page shows.
@PermitAll
@RestController
class NodeStatusController {

    private final NodeStatusService status;

    NodeStatusController(NodeStatusService status) {
        this.status = status;
    }

    @GetMapping(path = "/api/v1/system/status", produces = MediaType.APPLICATION_JSON_VALUE)
    NodeStatus status() {
        return status.current();
    }
}
