package app.covenant.contracts.compare;

/**
 * One field whose value differs between two versions; {@code null} where the field had no value on that side.
 * Values are display strings ({@code 2026-12-31}, {@code 1500.00}), not formatted for a locale.
 */
public record FieldChange(String field, String before, String after) {
}
