package app.covenant.insurance.compliance;

/**
 * The canonical limit names: the keys of a policy's {@code limits} in the API and of a requirement's
 * minimums, in whole dollars. Workers' compensation statutory coverage is a yes/no, not a limit
 * ({@link PolicySnapshot#wcStatutory()}).
 */
public enum LimitKey {
    GL_EACH_OCCURRENCE(LineOfCoverage.GL, "General liability each occurrence"),
    GL_GENERAL_AGGREGATE(LineOfCoverage.GL, "General liability general aggregate"),
    GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE(LineOfCoverage.GL, "General liability products/completed operations aggregate"),
    AUTO_COMBINED_SINGLE_LIMIT(LineOfCoverage.AUTO, "Automobile liability combined single limit"),
    UMBRELLA_EACH_OCCURRENCE(LineOfCoverage.UMBRELLA, "Umbrella each occurrence"),
    UMBRELLA_AGGREGATE(LineOfCoverage.UMBRELLA, "Umbrella aggregate"),
    WC_EL_EACH_ACCIDENT(LineOfCoverage.WC, "Employers' liability each accident"),
    WC_EL_DISEASE_EACH_EMPLOYEE(LineOfCoverage.WC, "Employers' liability disease, each employee"),
    WC_EL_DISEASE_POLICY_LIMIT(LineOfCoverage.WC, "Employers' liability disease, policy limit"),
    PROFESSIONAL_LIABILITY(LineOfCoverage.PROFESSIONAL, "Professional liability");

    private final LineOfCoverage line;
    private final String label;

    LimitKey(LineOfCoverage line, String label) {
        this.line = line;
        this.label = label;
    }

    public LineOfCoverage line() {
        return line;
    }

    /** How a broker reads it, capitalised to open a sentence. */
    public String label() {
        return label;
    }

    /** The finding raised when a certificate shows less than the minimum for this limit. */
    public FindingCode belowMinimumCode() {
        return FindingCode.valueOf(name() + "_BELOW_MINIMUM");
    }
}
