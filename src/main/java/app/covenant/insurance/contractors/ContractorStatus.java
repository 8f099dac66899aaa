package app.covenant.insurance.contractors;

/** Whether the company is in business with the organization; INACTIVE replaces deletion once it has records. */
public enum ContractorStatus {
    ACTIVE, INACTIVE, PENDING, SUSPENDED
}
