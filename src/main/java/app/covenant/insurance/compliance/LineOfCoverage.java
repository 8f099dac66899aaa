package app.covenant.insurance.compliance;

/** A line of coverage as the ACORD 25 lists them; the declaration order is the order findings are listed in. */
public enum LineOfCoverage {
    GL("general liability"),
    AUTO("automobile liability"),
    UMBRELLA("umbrella liability"),
    WC("workers' compensation and employers' liability"),
    PROFESSIONAL("professional liability"),
    OTHER("other coverage");

    private final String label;

    LineOfCoverage(String label) {
        this.label = label;
    }

    /** Lower-case words for sentences: "the general liability policy". */
    public String label() {
        return label;
    }
}
