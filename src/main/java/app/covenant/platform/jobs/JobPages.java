package app.covenant.platform.jobs;

import app.covenant.platform.ui.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The jobs pages: what runs in the background, how its last run went, its history, and "run now". */
@Controller
class JobPages {

    private final JobAdministration jobs;
    private final JobsProperties properties;

    JobPages(JobAdministration jobs, JobsProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
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
        model.addAttribute("zone", properties.timeZone().getId());
        return "platform/jobs";
    }

    @PreAuthorize("hasAuthority('job:manage')")
    @GetMapping("/admin/jobs/{name}")
    String history(@PathVariable String name, Pageable pageable, Model model) {
        model.addAttribute("job", jobs.job(name));
        model.addAttribute("runs", jobs.history(name, pageable));
        model.addAttribute("zone", properties.timeZone().getId());
        return "platform/job-runs";
    }

    @PreAuthorize("hasAuthority('job:manage')")
    @PostMapping("/admin/jobs/{name}/run")
    String run(@PathVariable String name) {
        jobs.runNow(name);
        return "redirect:/admin/jobs?started=" + name;
    }
}
