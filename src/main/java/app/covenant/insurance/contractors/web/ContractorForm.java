package app.covenant.insurance.contractors.web;

import app.covenant.insurance.contractors.ContractorDetails;
import app.covenant.insurance.contractors.ContractorView;
import app.covenant.insurance.web.FieldCheck;
import java.util.List;
import java.util.UUID;

/** The contractor form as posted: trades as a comma list, GCs from a multiple select. */
public record ContractorForm(String type, String name, String contactEmail, String phone, String address, String status,
                      String assignedAdminEmail, String trades, List<UUID> gcIds) {

    static ContractorForm empty() {
        return new ContractorForm("SUBCONTRACTOR", null, null, null, null, "ACTIVE", null, null, List.of());
    }

    static ContractorForm of(ContractorView c) {
        return new ContractorForm(c.type().name(), c.name(), c.contactEmail(), c.phone(), c.address(), c.status().name(),
                c.assignedAdminEmail(), String.join(", ", c.trades()), c.gcIds());
    }

    ContractorDetails.Request request(boolean namesGcs) {
        return new ContractorDetails.Request(type, name, contactEmail, phone, address, status, assignedAdminEmail,
                FieldCheck.commaList(trades), namesGcs ? (gcIds == null ? List.of() : gcIds) : null);
    }

    public boolean hasGc(UUID id) {
        return gcIds != null && gcIds.contains(id);
    }
}
