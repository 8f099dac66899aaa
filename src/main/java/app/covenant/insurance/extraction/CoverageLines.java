package app.covenant.insurance.extraction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each coverage line of the ACORD 25 sits: its fields by the form's names, and which limit field holds which
 * canonical limit key of API.md.
 *
 * @param additionalInsured {@code null} for workers' compensation, which has no such column
 * @param statutory         the "per statute" box, workers' compensation only
 */
public record CoverageLines(String line, String letter, String additionalInsured, String waiver, String policyNumber,
                     String effective, String expiration, String statutory, Map<String, String> limits) {

    public static final List<CoverageLines> ALL = List.of(
            new CoverageLines("GL", "GeneralLiability_InsurerLetterCode_A",
                    "CertificateOfInsurance_GeneralLiability_AdditionalInsuredCode_A",
                    "Policy_GeneralLiability_SubrogationWaivedCode_A",
                    "Policy_GeneralLiability_PolicyNumberIdentifier_A",
                    "Policy_GeneralLiability_EffectiveDate_A", "Policy_GeneralLiability_ExpirationDate_A", null,
                    ordered("EACH_OCCURRENCE", "GeneralLiability_EachOccurrence_LimitAmount_A",
                            "DAMAGE_TO_RENTED_PREMISES",
                            "GeneralLiability_FireDamageRentedPremises_EachOccurrenceLimitAmount_A",
                            "MED_EXP", "GeneralLiability_MedicalExpense_EachPersonLimitAmount_A",
                            "PERSONAL_ADV_INJURY", "GeneralLiability_PersonalAndAdvertisingInjury_LimitAmount_A",
                            "GENERAL_AGGREGATE", "GeneralLiability_GeneralAggregate_LimitAmount_A",
                            "PRODUCTS_COMP_OP_AGG",
                            "GeneralLiability_ProductsAndCompletedOperations_AggregateLimitAmount_A")),
            new CoverageLines("AUTO", "Vehicle_InsurerLetterCode_A",
                    "CertificateOfInsurance_AutomobileLiability_AdditionalInsuredCode_A",
                    "Policy_AutomobileLiability_SubrogationWaivedCode_A",
                    "Policy_AutomobileLiability_PolicyNumberIdentifier_A",
                    "Policy_AutomobileLiability_EffectiveDate_A", "Policy_AutomobileLiability_ExpirationDate_A", null,
                    ordered("COMBINED_SINGLE_LIMIT", "Vehicle_CombinedSingleLimit_EachAccidentAmount_A",
                            "BODILY_INJURY_PER_PERSON", "Vehicle_BodilyInjury_PerPersonLimitAmount_A",
                            "BODILY_INJURY_PER_ACCIDENT", "Vehicle_BodilyInjury_PerAccidentLimitAmount_A",
                            "PROPERTY_DAMAGE", "Vehicle_PropertyDamage_PerAccidentLimitAmount_A")),
            new CoverageLines("UMBRELLA", "ExcessUmbrella_InsurerLetterCode_A",
                    "CertificateOfInsurance_ExcessLiability_AdditionalInsuredCode_A",
                    "Policy_ExcessLiability_SubrogationWaivedCode_A", "Policy_ExcessLiability_PolicyNumberIdentifier_A",
                    "Policy_ExcessLiability_EffectiveDate_A", "Policy_ExcessLiability_ExpirationDate_A", null,
                    ordered("EACH_OCCURRENCE", "ExcessUmbrella_Umbrella_EachOccurrenceAmount_A",
                            "AGGREGATE", "ExcessUmbrella_Umbrella_AggregateAmount_A",
                            "RETENTION", "ExcessUmbrella_Umbrella_DeductibleOrRetentionAmount_A")),
            new CoverageLines("WC", "WorkersCompensationEmployersLiability_InsurerLetterCode_A", null,
                    "Policy_WorkersCompensation_SubrogationWaivedCode_A",
                    "Policy_WorkersCompensationAndEmployersLiability_PolicyNumberIdentifier_A",
                    "Policy_WorkersCompensationAndEmployersLiability_EffectiveDate_A",
                    "Policy_WorkersCompensationAndEmployersLiability_ExpirationDate_A",
                    "WorkersCompensationEmployersLiability_WorkersCompensationStatutoryLimitIndicator_A",
                    ordered("EL_EACH_ACCIDENT",
                            "WorkersCompensationEmployersLiability_EmployersLiability_EachAccidentLimitAmount_A",
                            "EL_DISEASE_EA_EMPLOYEE",
                            "WorkersCompensationEmployersLiability_EmployersLiability_DiseaseEachEmployeeLimitAmount_A",
                            "EL_DISEASE_POLICY_LIMIT",
                            "WorkersCompensationEmployersLiability_EmployersLiability_DiseasePolicyLimitAmount_A")),
            new CoverageLines("OTHER", "OtherPolicy_InsurerLetterCode_A",
                    "CertificateOfInsurance_OtherPolicy_AdditionalInsuredCode_A", "OtherPolicy_SubrogationWaivedCode_A",
                    "OtherPolicy_PolicyNumberIdentifier_A", "OtherPolicy_PolicyEffectiveDate_A",
                    "OtherPolicy_PolicyExpirationDate_A", null, Map.of()));

    /** The fields whose presence means the line is on the certificate. */
    List<String> presence() {
        List<String> names = new java.util.ArrayList<>(List.of(letter, policyNumber, effective, expiration));
        names.addAll(limits.values());
        return names;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
