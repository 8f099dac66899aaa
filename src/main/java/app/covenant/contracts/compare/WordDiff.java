package app.covenant.contracts.compare;

import app.covenant.contracts.compare.AnnexureDiff.Status;
import app.covenant.contracts.templates.Annexure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Word-level comparison of contract text (CLM.md "Versions"): what a reader sees of two HTML fragments, split into
 * words, punctuation and white space, aligned with java-diff-utils and returned as equal, inserted and deleted
 * runs. Markup that changes nothing visible (a {@code <b>} added, attributes, spacing, a paragraph split or
 * joined) is not a change of wording and is not reported. Stateless and thread-safe.
 */
public final class WordDiff {

    private WordDiff() {
    }

    /** Compares two HTML fragments (a body or an annexure); {@code null} reads as empty. */
    public static TextDiff compare(String beforeHtml, String afterHtml) {
        return diff(ReadableText.ofHtml(beforeHtml), ReadableText.ofHtml(afterHtml));
    }

    /** Compares two plain texts (text extracted from uploaded paper): blank lines separate paragraphs. */
    public static TextDiff compareText(String before, String after) {
        return diff(ReadableText.ofPlain(before), ReadableText.ofPlain(after));
    }

    /**
     * Compares annexures by position: the first with the first, and so on; an annexure only the newer list has is
     * {@code ADDED} (all its text inserted), one only the older had is {@code REMOVED}. A changed title alone makes
     * the annexure {@code CHANGED}. {@code null} lists read as empty.
     */
    public static List<AnnexureDiff> compareAnnexures(List<Annexure> before, List<Annexure> after) {
        List<Annexure> older = before == null ? List.of() : before;
        List<Annexure> newer = after == null ? List.of() : after;
        List<AnnexureDiff> result = new ArrayList<>();
        for (int i = 0; i < Math.max(older.size(), newer.size()); i++) {
            Annexure was = i < older.size() ? older.get(i) : null;
            Annexure is = i < newer.size() ? newer.get(i) : null;
            TextDiff text = compare(was == null ? null : was.html(), is == null ? null : is.html());
            String titleBefore = was == null ? null : was.title();
            String titleAfter = is == null ? null : is.title();
            Status status;
            if (was == null) {
                status = Status.ADDED;
            } else if (is == null) {
                status = Status.REMOVED;
            } else if (text.changed() || !Objects.equals(normalised(titleBefore), normalised(titleAfter))) {
                status = Status.CHANGED;
            } else {
                status = Status.UNCHANGED;
            }
            result.add(new AnnexureDiff(i + 1, status, titleBefore, titleAfter, text));
        }
        return result;
    }

    private static String normalised(String title) {
        return title == null ? "" : ReadableText.ofPlain(title);
    }

    private static TextDiff diff(String before, String after) {
        if (before.equals(after)) {
            return before.isEmpty() ? TextDiff.none() : Segments.of(unchanged(Token.of(after)));
        }
        List<TokenAlignment.Op> ops = new TokenAlignment(TokenAlignment.EDIT_STEP_BUDGET)
                .align(Token.of(before), Token.of(after));
        return Segments.of(ops);
    }

    private static List<TokenAlignment.Op> unchanged(List<Token> tokens) {
        List<TokenAlignment.Op> ops = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            ops.add(new TokenAlignment.Op(DiffSegment.Kind.EQUAL, token));
        }
        return ops;
    }
}
