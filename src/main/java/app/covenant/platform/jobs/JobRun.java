package app.covenant.platform.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The counts a job body reports about its run ({@code JobRun.count("deleted", 42)}). Every db-scheduler
 * run is recorded in {@code job_runs} by one interceptor; the body only says what it did, and the
 * interceptor stores these counts with the run and puts them on its completion log line.
 * Outside a job run (a test or an admin action calling the body directly) counts go nowhere.
 */
public final class JobRun {

    private static final ThreadLocal<JobRun> CURRENT = new ThreadLocal<>();

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private boolean idle;

    private JobRun() {
    }

    /** Reports a count of the run on this thread; a second report of the same name replaces the first. */
    public static void count(String name, long value) {
        Objects.requireNonNull(name, "name");
        JobRun run = CURRENT.get();
        if (run != null) {
            run.counts.put(name, value);
        }
    }

    /**
     * Says that this run found nothing to do, so its completion line goes to DEBUG: a job running every
     * few seconds would otherwise fill the log. Runs whose counts are all zero count as idle anyway.
     */
    public static void idle() {
        JobRun run = CURRENT.get();
        if (run != null) {
            run.idle = true;
        }
    }

    static JobRun begin() {
        JobRun run = new JobRun();
        CURRENT.set(run);
        return run;
    }

    static void end() {
        CURRENT.remove();
    }

    boolean isIdle() {
        return idle || !counts.isEmpty() && counts.values().stream().allMatch(value -> value == 0);
    }

    Map<String, Long> counts() {
        return Collections.unmodifiableMap(counts);
    }
}
