package app.covenant.insurance.reports;

import java.util.UUID;

/**
 * The filters both reports share: one project, one general contractor (either may be null), and for the
 * non-compliance report whether subs still waiting for their first approved certificate are listed too.
 */
public record ReportFilter(UUID projectId, UUID gcId, boolean includePending) {

    public static ReportFilter none() {
        return new ReportFilter(null, null, false);
    }

    public boolean filtered() {
        return projectId != null || gcId != null || includePending;
    }

    /** The filters as a query string ({@code projectId=…&gcId=…}), empty without any. */
    public String query() {
        StringBuilder query = new StringBuilder();
        if (projectId != null) {
            query.append("&projectId=").append(projectId);
        }
        if (gcId != null) {
            query.append("&gcId=").append(gcId);
        }
        if (includePending) {
            query.append("&includePending=true");
        }
        return query.isEmpty() ? "" : query.substring(1);
    }
}
