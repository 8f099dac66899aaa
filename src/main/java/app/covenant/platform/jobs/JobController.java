package app.covenant.platform.jobs;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/jobs}: every job with its last and next run, a job's run history; run one now. */
@RestController
@RequestMapping(path = "/api/v1/admin/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
class JobController {

    private final JobAdministration jobs;

    JobController(JobAdministration jobs) {
        this.jobs = jobs;
    }

    @PreAuthorize("hasAuthority('job:manage')")
    @Operation(summary = "List the background jobs and their last runs")
    @GetMapping
    List<JobAdministration.JobView> list() {
        return jobs.list();
    }

    /** The job's recorded runs, newest first ({@code ?page=&size=}). */
    @PreAuthorize("hasAuthority('job:manage')")
    @Operation(summary = "A job's recorded runs, newest first")
    @GetMapping("/{name}/runs")
    Page<JobRuns.JobRunView> runs(@PathVariable String name, @PageableDefault(size = 20) Pageable pageable) {
        return jobs.history(name, pageable);
    }

    @PreAuthorize("hasAuthority('job:manage')")
    @Operation(summary = "Run a job now")
    @PostMapping("/{name}/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobAdministration.JobView run(@PathVariable String name) {
        return jobs.runNow(name);
    }
}
