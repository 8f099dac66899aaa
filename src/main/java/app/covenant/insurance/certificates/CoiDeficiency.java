package app.covenant.insurance.certificates;

/** One deficiency of the latest rejection, in the reviewer's order; {@code line} may be null. */
public record CoiDeficiency(String code, String line, String message) {
}
