package app.covenant.platform.jobs;

/**
 * A background job as its module declares it: the scheduler's name, and the words administrators see on
 * the jobs page. Declared where the job is, so a new module's job needs no edit elsewhere.
 *
 * @param name        db-scheduler's task name, e.g. {@code documents-orphan-cleanup}; stable (it keys the history)
 * @param title       a human name, e.g. "Orphaned file cleanup"
 * @param description one line on what a run does
 */
public record Job(String name, String title, String description) {

    public Job {
        if (name == null || name.isBlank() || title == null || title.isBlank() || description == null
                || description.isBlank()) {
            throw new IllegalArgumentException("A job needs a name, a title and a one-line description: " + name);
        }
    }
}
