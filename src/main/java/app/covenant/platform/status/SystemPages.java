package app.covenant.platform.status;

import app.covenant.platform.ui.NavigationItem;
import app.covenant.platform.ui.NavigationItem.Area;
import app.covenant.shared.security.Caller;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrators' System page: this node's status, refreshed by htmx, and the links for people who
 * run or integrate Covenant (API docs, the OpenAPI document, health).
 */
@Controller
class SystemPages {

    /** Named here: platform sits below identity, whose catalogue defines it. */
    static final String SYSTEM_READ = "system:read";

    private static final DateTimeFormatter STARTED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final NodeStatusService status;

    SystemPages(NodeStatusService status) {
        this.status = status;
    }

    @Bean
    static NavigationItem systemNavigationItem() {
        return new NavigationItem(Area.ADMINISTRATION, "System", "/admin/system", "pulse", 80, SYSTEM_READ);
    }

    @PreAuthorize("hasAuthority('system:read')")
    @GetMapping("/admin/system")
    String system(@AuthenticationPrincipal Caller caller, Model model) {
        addNode(caller, model);
        return "platform/system";
    }

    /** The "This node" panel alone, which the page fetches every 10 seconds. */
    @PreAuthorize("hasAuthority('system:read')")
    @GetMapping("/admin/system/node-status")
    String nodeStatus(@AuthenticationPrincipal Caller caller, Model model) {
        addNode(caller, model);
        return "platform/system :: node-status";
    }

    private void addNode(Caller caller, Model model) {
        NodeStatus node = status.visibleTo(caller);
        model.addAttribute("node", node);
        model.addAttribute("startedAt", STARTED_AT.format(node.startedAt()));
        model.addAttribute("uptime", readable(node.uptime()));
    }

    /** "3 d 4 h", "2 h 5 min", "12 min 3 s": the two largest units are enough for people. */
    static String readable(Duration duration) {
        long days = duration.toDays();
        int hours = duration.toHoursPart();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        if (minutes > 0) {
            return minutes + " min " + seconds + " s";
        }
        return seconds + " s";
    }
}
