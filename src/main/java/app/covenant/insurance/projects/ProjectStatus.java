package app.covenant.insurance.projects;

public enum ProjectStatus {
    PLANNING, ACTIVE, ON_HOLD, COMPLETED, CANCELLED
}
