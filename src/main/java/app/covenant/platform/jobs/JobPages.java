package app.covenant.platform.jobs;

import app.covenant.platform.ui.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The jobs page: what runs in the background, when it last succeeded, and a button to run it now. */
@Controller
class JobPages {

    private final JobAdministration jobs;

    JobPages(JobAdministration jobs) {
        this.jobs = jobs;
    }

    @Bean
    static NavigationItem jobsNavigationItem() {
        return new NavigationItem(NavigationItem.Area.ADMINISTRATION, "Background jobs", "/admin/jobs", "server", 70,
                "job:manage");
    }

    @PreAuthorize("hasAuthority('job:manage')")
    @GetMapping("/admin/jobs")
    String list(@RequestParam(required = false) String started, Model model) {
        model.addAttribute("jobs", jobs.list());
        model.addAttribute("started", started);
        return "platform/jobs";
    }

    @PreAuthorize("hasAuthority('job:manage')")
    @PostMapping("/admin/jobs/{name}/run")
    String run(@PathVariable String name) {
        jobs.runNow(name);
        return "redirect:/admin/jobs?started=" + name;
    }
}
