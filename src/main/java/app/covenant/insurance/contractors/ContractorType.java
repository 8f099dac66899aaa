package app.covenant.insurance.contractors;

/** A general contractor runs projects; a subcontractor works on them and supplies certificates. */
public enum ContractorType {
    GENERAL_CONTRACTOR, SUBCONTRACTOR
}
