package app.covenant.platform.ui;

import app.covenant.platform.status.NodeStatus;
import app.covenant.platform.status.NodeStatusService;
import app.covenant.shared.security.Caller;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page and the "This node" panel it refreshes with htmx. */
// Public: the home page and node status are what a visitor sees before signing in.
@PermitAll
@Controller
class HomeController {

    private static final DateTimeFormatter STARTED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final NodeStatusService status;

    HomeController(NodeStatusService status) {
        this.status = status;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Caller caller, Model model) {
        addNode(caller, model);
        return "home";
    }

    @GetMapping("/ui/node-status")
    String nodeStatus(@AuthenticationPrincipal Caller caller, Model model) {
        addNode(caller, model);
        return "home :: node-status";
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
