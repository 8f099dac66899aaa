package app.covenant.platform.jobs;

import app.covenant.platform.ui.NavigationItem;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The jobs pages: what runs in the background, how its last run went, its history, and "run now". */
@Controller
class JobPages {

    private final JobAdministration jobs;
    private final JobsProperties properties;
    private final Clock clock;

    JobPages(JobAdministration jobs, JobsProperties properties, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    static NavigationItem jobsNavigationItem() {
        return new NavigationItem(NavigationItem.Area.ADMINISTRATION, "Background jobs", "/admin/jobs", "clock", 70,
                "job:manage");
    }

    @PreAuthorize("hasAuthority('job:manage')")
    @GetMapping("/admin/jobs")
    String list(@RequestParam(required = false) String started,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        List<JobAdministration.JobView> all = jobs.list();
        model.addAttribute("jobs", all);
        model.addAttribute("refreshing", JobAdministration.inProgress(all, clock.instant()));
        model.addAttribute("zone", properties.timeZone().getId());
        if (htmx != null) {
            // The table polls itself while a run is in progress; the answer drops the polling once none is.
            return "platform/jobs :: job-table";
        }
        model.addAttribute("started", all.stream().filter(job -> job.name().equals(started)).findFirst().orElse(null));
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
