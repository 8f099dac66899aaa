package app.covenant.insurance.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * What a requirement takes from the project.
 *
 * @param certificateHolder the holder certificates must show; when blank, the GC (certificates for a GC's
 *        project are issued to the GC)
 * @param additionalInsureds the project's own list, one name per entry
 * @param endDate null when the project has none
 */
public record ProjectFacts(String gcName, String ownerEntity, List<String> additionalInsureds, String certificateHolder,
        LocalDate endDate) {

    public ProjectFacts {
        additionalInsureds = List.copyOf(additionalInsureds);
    }
}
