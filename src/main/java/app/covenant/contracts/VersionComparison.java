package app.covenant.contracts;

import app.covenant.contracts.compare.AnnexureDiff;
import app.covenant.contracts.compare.FieldChange;
import app.covenant.contracts.compare.TextDiff;
import java.util.List;

/**
 * Two versions compared (CLM.md "Versions"): each field that differs ({@code field}, {@code before}, {@code after};
 * variable values as {@code variables.KEY}), and a word-level diff of the body and of each annexure (paired by
 * position), as segments {@code EQUAL} / {@code INSERT} / {@code DELETE} of the text a reader sees.
 */
public record VersionComparison(int from, int to, List<FieldChange> changedFields, TextDiff body,
                                List<AnnexureDiff> annexures) {
}
