/**
 * Background jobs on db-scheduler, once across the cluster: {@link app.covenant.platform.jobs.BackgroundJobs}
 * defines cron jobs from configuration (in {@code JOBS_TIME_ZONE}) and one-time jobs with retries,
 * {@link app.covenant.platform.jobs.JobRun} lets a job body report counts, and every run of every task is
 * recorded in {@code job_runs} by one interceptor. Administration: {@code /api/v1/admin/jobs} and the jobs
 * pages. Published as the named interface {@code platform :: jobs}.
 */
@org.springframework.modulith.NamedInterface("jobs")
package app.covenant.platform.jobs;
