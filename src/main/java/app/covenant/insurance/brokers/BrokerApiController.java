package app.covenant.insurance.brokers;

import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/brokers}: the organization's known brokers, so a sub can reuse one. */
@RestController
@RequestMapping(path = "/api/v1/brokers", produces = MediaType.APPLICATION_JSON_VALUE)
class BrokerApiController {

    private final Brokers brokers;

    BrokerApiController(Brokers brokers) {
        this.brokers = brokers;
    }

    @PreAuthorize("hasAuthority('broker:read')")
    @Operation(summary = "Search known brokers by name, e-mail or company; policyType: brokers named for that line")
    @GetMapping("/search")
    Page<BrokerView> search(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String q,
                            @RequestParam(required = false) String policyType,
                            @PageableDefault(size = 20) Pageable pageable) {
        if (policyType != null && !policyType.isBlank() && !BrokerInfo.POLICY_LINES.contains(policyType)) {
            throw app.covenant.shared.problem.ProblemException.invalid("policyType",
                    "must be one of " + String.join(", ", BrokerInfo.POLICY_LINES));
        }
        return brokers.search(caller, q, policyType, pageable);
    }
}
