package app.covenant.insurance.reports;

/**
 * Cells as a spreadsheet may safely open them: a text starting with {@code = + - @} (or a tab or carriage
 * return, which some spreadsheets skip before reading a formula) gets a leading single quote, so a
 * contractor named {@code =HYPERLINK(...)} is shown as text, never evaluated (CSV formula injection).
 */
final class CsvCells {

    private CsvCells() {
    }

    static Object safe(Object value) {
        if (value == null) {
            return "";
        }
        if (!(value instanceof String text) || text.isEmpty()) {
            return value;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
