package app.covenant.insurance.projects;

import app.covenant.insurance.web.FieldCheck;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Every field of a project, checked; the API body and the page's form both become one of these. */
public record ProjectDetails(String name, String description, String address, LocalDate startDate, LocalDate endDate,
                             ProjectStatus status, UUID gcId, String gcName, String ownerEntity,
                             List<String> additionalInsureds, String borough, String block, String lot,
                             String buildingHeight, String structureType, String contactName, String contactEmail,
                             String contactPhone, String assignedAdminEmail, UUID programId) {

    /** The NYC boroughs of ACRIS, as they are written. */
    public static final List<String> BOROUGHS = List.of("Manhattan", "Bronx", "Brooklyn", "Queens", "Staten Island");

    private static final Map<String, String> BOROUGH_BY_KEY = Map.of("manhattan", "Manhattan", "bronx", "Bronx",
            "the bronx", "Bronx", "brooklyn", "Brooklyn", "queens", "Queens", "staten island", "Staten Island");

    ProjectDetails withGcName(String name) {
        return new ProjectDetails(this.name, description, address, startDate, endDate, status, gcId, name, ownerEntity,
                additionalInsureds, borough, block, lot, buildingHeight, structureType, contactName, contactEmail,
                contactPhone, assignedAdminEmail, programId);
    }

    ProjectDetails withGcId(UUID gc) {
        return new ProjectDetails(name, description, address, startDate, endDate, status, gc, gcName, ownerEntity,
                additionalInsureds, borough, block, lot, buildingHeight, structureType, contactName, contactEmail,
                contactPhone, assignedAdminEmail, programId);
    }

    /** The request as typed. */
    public record Request(String name, String description, String address, LocalDate startDate, LocalDate endDate,
                          String status, UUID gcId, String gcName, String ownerEntity, List<String> additionalInsureds,
                          String borough, String block, String lot, String buildingHeight, String structureType,
                          String contactName, String contactEmail, String contactPhone, String assignedAdminEmail,
                          UUID programId) {

        /** @throws app.covenant.shared.problem.ProblemException 400 naming every wrong field */
        public ProjectDetails check() {
            FieldCheck check = new FieldCheck();
            String checkedBorough = check.optional("borough", borough, 40);
            if (checkedBorough != null) {
                String known = BOROUGH_BY_KEY.get(checkedBorough.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
                if (known == null) {
                    check.add("borough", "Choose one of " + String.join(", ", BOROUGHS) + ".");
                }
                checkedBorough = known;
            }
            if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
                check.add("endDate", "The end date must not be before the start date.");
            }
            List<String> insureds = additionalInsureds == null ? List.of() : additionalInsureds.stream()
                    .filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (insureds.stream().anyMatch(s -> s.length() > 300)) {
                check.add("additionalInsureds", "Keep each name to 300 characters.");
            }
            if (insureds.size() > 50) {
                check.add("additionalInsureds", "Name at most 50 additional insureds.");
            }
            ProjectStatus checkedStatus = status == null || status.isBlank() ? ProjectStatus.PLANNING
                    : check.oneOf("status", status, ProjectStatus.class);
            ProjectDetails details = new ProjectDetails(check.required("name", name, 200),
                    check.optional("description", description, 4000), check.optional("address", address, 500),
                    startDate, endDate, checkedStatus, gcId, check.optional("gcName", gcName, 200),
                    check.optional("ownerEntity", ownerEntity, 200), insureds, checkedBorough,
                    check.optional("block", block, 20), check.optional("lot", lot, 20),
                    check.optional("buildingHeight", buildingHeight, 40),
                    check.optional("structureType", structureType, 100), check.optional("contactName", contactName, 200),
                    check.email("contactEmail", contactEmail), check.optional("contactPhone", contactPhone, 40),
                    check.email("assignedAdminEmail", assignedAdminEmail), programId);
            check.throwIfAny();
            return details;
        }
    }
}
