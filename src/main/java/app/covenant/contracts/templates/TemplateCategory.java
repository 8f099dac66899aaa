package app.covenant.contracts.templates;

/** The categories of CLM.md. */
public enum TemplateCategory {
    SERVICE_AGREEMENT("Service agreement"), NDA("NDA"), PURCHASE_ORDER("Purchase order"),
    VENDOR_AGREEMENT("Vendor agreement"), EMPLOYMENT("Employment"), LEASE("Lease"), SUBCONTRACT("Subcontract"),
    OTHER("Other");

    private final String label;

    TemplateCategory(String label) {
        this.label = label;
    }

    /** How pages name the category. */
    public String label() {
        return label;
    }
}
