package app.covenant.insurance.projects.web;

import app.covenant.insurance.projects.ProjectDetails;
import app.covenant.insurance.projects.ProjectView;
import app.covenant.shared.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The project form as posted: dates as typed (checked here), one input per additional insured. */
public record ProjectForm(String name, String description, String address, String startDate, String endDate, String status,
                   UUID gcId, String gcName, String ownerEntity, List<String> additionalInsureds, String borough,
                   String block, String lot, String buildingHeight, String structureType, String contactName,
                   String contactEmail, String contactPhone, String assignedAdminEmail, UUID programId) {

    static ProjectForm empty() {
        return new ProjectForm(null, null, null, null, null, "PLANNING", null, null, null, List.of(), null, null, null,
                null, null, null, null, null, null, null);
    }

    static ProjectForm of(ProjectView p) {
        return new ProjectForm(p.name(), p.description(), p.address(), text(p.startDate()), text(p.endDate()),
                p.status().name(), p.gcId(), p.gcName(), p.ownerEntity(), p.additionalInsureds(), p.borough(), p.block(),
                p.lot(), p.buildingHeight(), p.structureType(), p.contactName(), p.contactEmail(), p.contactPhone(),
                p.assignedAdminEmail(), p.programId());
    }

    /** The insureds to show: those entered plus empty rows to add more without script. */
    public List<String> insuredRows() {
        List<String> rows = new ArrayList<>(additionalInsureds == null ? List.of() : additionalInsureds.stream()
                .filter(s -> s != null && !s.isBlank()).toList());
        rows.add("");
        rows.add("");
        return rows;
    }

    ProjectDetails.Request request() {
        return new ProjectDetails.Request(name, description, address, date("startDate", startDate),
                date("endDate", endDate), status, gcId, gcName, ownerEntity, additionalInsureds, borough, block, lot,
                buildingHeight, structureType, contactName, contactEmail, contactPhone, assignedAdminEmail, programId);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "Enter a date like 2027-01-31.");
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
