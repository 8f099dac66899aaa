package app.covenant.documents.pdf;

/**
 * One filled-in AcroForm field.
 *
 * @param name  fully-qualified name, the parents' names joined by dots ({@code Producer.Name})
 * @param value the text; for check boxes and radio groups the export value of the chosen state, or
 *              {@code "Off"} when none is on (the PDF convention); for list and combo boxes the
 *              selected options joined by {@code ", "}
 */
public record FormField(String name, Kind kind, String value) {

    static final String OFF = "Off";

    /** For check boxes and radio groups: whether a state other than "Off" is chosen. */
    public boolean isOn() {
        return (kind == Kind.CHECKBOX || kind == Kind.RADIO) && !value.isEmpty() && !OFF.equals(value);
    }

    /** Signature fields and push buttons carry no form data and are not read. */
    public enum Kind {
        TEXT, CHECKBOX, RADIO, CHOICE
    }
}
