package app.covenant.insurance.certificates.web;

import app.covenant.insurance.certificates.CoiWorkflow.DeficiencyInput;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The request bodies of {@code /api/v1/cois}. */
final class CoiRequests {

    private CoiRequests() {
    }

    record Create(@NotNull UUID projectId, @NotNull UUID subcontractorId,
                  @Size(max = 254) @app.covenant.shared.web.EmailAddress String assignedAdminEmail) {
    }

    /** {@code consent} must be true; the check comes after the certificate's (a wrong id answers 404 first). */
    record Sign(@NotBlank @Size(max = 200) String signerName, @NotNull Boolean consent) {
    }

    record Review(@NotNull Boolean approved, List<DeficiencyInput> deficiencies, @Size(max = 4000) String notes) {
    }

    record Override(@NotBlank @Size(max = 64) String code, @Size(max = 16) String line,
                    @NotBlank @Size(max = 1000) String reason) {
    }
}
