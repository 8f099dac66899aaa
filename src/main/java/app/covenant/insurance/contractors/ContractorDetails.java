package app.covenant.insurance.contractors;

import app.covenant.insurance.web.FieldCheck;
import java.util.List;
import java.util.UUID;

/**
 * What a person sets on a contractor, checked: the API body and the page's form both become one of these.
 *
 * @param gcIds for a sub, the GCs it works for ({@code null}: unchanged; ignored for a GC and for a GC's own
 *              people, whose subs are linked to their own GC)
 */
public record ContractorDetails(String name, String contactEmail, String phone, String address,
                                ContractorStatus status, String assignedAdminEmail, List<String> trades,
                                List<UUID> gcIds) {

    /** The request as typed, before checking. */
    public record Request(String type, String name, String contactEmail, String phone, String address,
                          String status, String assignedAdminEmail, List<String> trades, List<UUID> gcIds) {

        /** @throws app.covenant.shared.problem.ProblemException 400 naming every field that is wrong */
        public ContractorDetails check() {
            FieldCheck check = new FieldCheck();
            ContractorDetails details = new ContractorDetails(
                    check.required("name", name, 200),
                    check.email("contactEmail", contactEmail),
                    check.optional("phone", phone, 40),
                    check.optional("address", address, 500),
                    status == null || status.isBlank() ? ContractorStatus.ACTIVE
                            : check.oneOf("status", status, ContractorStatus.class),
                    check.email("assignedAdminEmail", assignedAdminEmail),
                    check.trades("trades", trades),
                    gcIds == null ? null : gcIds.stream().filter(java.util.Objects::nonNull).distinct().toList());
            check.throwIfAny();
            return details;
        }

        /** @throws app.covenant.shared.problem.ProblemException 400 when the type is missing or unknown */
        public ContractorType checkedType() {
            FieldCheck check = new FieldCheck();
            ContractorType checked = type == null || type.isBlank() ? null : check.oneOf("type", type, ContractorType.class);
            if (type == null || type.isBlank()) {
                check.add("type", "Choose GENERAL_CONTRACTOR or SUBCONTRACTOR.");
            }
            check.throwIfAny();
            return checked;
        }
    }
}
