package app.covenant.insurance.projects;

import app.covenant.insurance.web.FieldCheck;
import java.util.UUID;

/** The project list's filters, checked. */
public record ProjectFilter(ProjectStatus status, String q, UUID gcId) {

    public static final ProjectFilter NONE = new ProjectFilter(null, null, null);

    public static ProjectFilter of(String status, String q, UUID gcId) {
        FieldCheck check = new FieldCheck();
        ProjectFilter filter = new ProjectFilter(check.oneOf("status", status, ProjectStatus.class),
                q == null || q.isBlank() ? null : q.strip(), gcId);
        check.throwIfAny();
        return filter;
    }

    public boolean any() {
        return status != null || q != null || gcId != null;
    }
}
