package app.covenant.contracts.templates;

/** The categories of CLM.md. */
public enum TemplateCategory {
    SERVICE_AGREEMENT, NDA, PURCHASE_ORDER, VENDOR_AGREEMENT, EMPLOYMENT, LEASE, SUBCONTRACT, OTHER
}
