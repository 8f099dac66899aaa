package app.covenant.platform.health;

import app.covenant.platform.config.RedisGuard;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Probes for load balancers and Kubernetes. {@code /health} and readiness need the database;
 * liveness only says the process is not broken, so a database outage never restarts every pod.
 * Readiness reports a Redis that does not answer as {@code degraded} but stays {@code 200}: the node
 * serves on its fallbacks, and taking every node out of the load balancer would turn a Redis outage
 * into a full one.
 */
// Public: load balancers and Kubernetes probe without credentials.
@PermitAll
@RestController
@RequestMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
class HealthController {

    private final DatabaseProbe database;
    private final RedisProbe redis;
    private final ApplicationAvailability availability;

    HealthController(DatabaseProbe database, RedisProbe redis, ApplicationAvailability availability) {
        this.database = database;
        this.redis = redis;
        this.availability = availability;
    }

    @Operation(summary = "Whether the node is healthy")
    @GetMapping
    ResponseEntity<Map<String, String>> health() {
        return answer(database.check().up());
    }

    @Operation(summary = "Liveness probe: the process is up")
    @GetMapping("/liveness")
    ResponseEntity<Map<String, String>> liveness() {
        return answer(availability.getLivenessState() == LivenessState.CORRECT);
    }

    @Operation(summary = "Readiness probe: the node can serve requests")
    @GetMapping("/readiness")
    ResponseEntity<Map<String, String>> readiness() {
        boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC && database.check().up();
        if (ready && redis.check() == RedisGuard.State.DEGRADED) {
            return ResponseEntity.ok(Map.of("status", "degraded", "redis", "degraded"));
        }
        return answer(ready);
    }

    private static ResponseEntity<Map<String, String>> answer(boolean ok) {
        return ok ? ResponseEntity.ok(Map.of("status", "ok"))
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "unavailable"));
    }
}
