package app.covenant.insurance.programs;

import app.covenant.insurance.compliance.LimitKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A program with its tiers (highest first), as the API and the builder show it. */
public record ProgramView(UUID id, String name, String description, boolean isDefault, Map<LimitKey, Long> minimums,
                          boolean wcStatutoryRequired, boolean additionalInsuredRequired, boolean aiNameGc,
                          boolean aiNameOwner, boolean aiNameProjectInsureds, boolean waiverOfSubrogationRequired,
                          boolean primaryNonContributoryRequired, boolean holdHarmlessRequired,
                          String holdHarmlessTemplate, String minimumCarrierRating, List<String> requiredEndorsements,
                          List<TierView> tiers, Instant createdAt, Instant updatedAt) {

    public record TierView(UUID id, String name, Map<LimitKey, Long> minimums, List<String> trades,
                           boolean allOtherTrades) {
    }

    /** Per program: the projects under it, the subs assigned to those, and how many of them stand compliant. */
    public record Stats(UUID programId, String name, boolean isDefault, long projects, long subcontractors,
                        long compliant, long nonCompliant, long pending) {
    }
}
