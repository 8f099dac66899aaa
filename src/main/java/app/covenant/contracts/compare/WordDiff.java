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
     * Compares two lists of annexures, pairing each newer annexure with the older one it is, not the one at its
     * position (see {@link AnnexurePairing}): first by title, then by (nearly) the same text, then, for what is left,
     * by standing in the same place between paired neighbours. So an annexure inserted at the front is
     * {@code ADDED} and the others stay {@code UNCHANGED}; a renamed annexure is {@code CHANGED} (a changed title
     * alone is a change), not removed and added; a moved annexure whose title and text are the same is
     * {@code UNCHANGED} (its {@link AnnexureDiff#number() number} shows where it is now). An annexure only the
     * newer list has is {@code ADDED} (all its text inserted), one only the older had is {@code REMOVED} (all
     * deleted).
     *
     * <p>The result follows the newer list; each {@code REMOVED} annexure comes where it stood: before the first
     * annexure (in the newer order) that stood after it in the older list, else at the end.
     * {@code null} lists read as empty.
     */
    public static List<AnnexureDiff> compareAnnexures(List<Annexure> before, List<Annexure> after) {
        List<Annexure> older = before == null ? List.of() : before;
        List<Annexure> newer = after == null ? List.of() : after;
        int[] partner = AnnexurePairing.pair(older, newer);
        boolean[] paired = new boolean[older.size()];
        for (int i : partner) {
            if (i >= 0) {
                paired[i] = true;
            }
        }
        List<AnnexureDiff> result = new ArrayList<>();
        int removedUpTo = 0;
        for (int j = 0; j < newer.size(); j++) {
            if (partner[j] >= 0) {
                removedUpTo = removed(older, paired, removedUpTo, partner[j], result);
            }
            result.add(paired(partner[j] < 0 ? null : older.get(partner[j]), newer.get(j), j + 1));
        }
        removed(older, paired, removedUpTo, older.size(), result);
        return result;
    }

    /** Adds the unpaired older annexures from {@code from} up to {@code to}; returns where the next run starts. */
    private static int removed(List<Annexure> older, boolean[] paired, int from, int to, List<AnnexureDiff> result) {
        for (int i = from; i < to; i++) {
            if (!paired[i]) {
                Annexure was = older.get(i);
                result.add(new AnnexureDiff(i + 1, Status.REMOVED, was.title(), null, compare(was.html(), null)));
            }
        }
        return Math.max(from, to);
    }

    /** An annexure the newer list has, {@code was} being the older one it is ({@code null} when it was added). */
    private static AnnexureDiff paired(Annexure was, Annexure is, int number) {
        TextDiff text = compare(was == null ? null : was.html(), is.html());
        String titleBefore = was == null ? null : was.title();
        Status status;
        if (was == null) {
            status = Status.ADDED;
        } else if (text.changed() || !Objects.equals(normalised(titleBefore), normalised(is.title()))) {
            status = Status.CHANGED;
        } else {
            status = Status.UNCHANGED;
        }
        return new AnnexureDiff(number, status, titleBefore, is.title(), text);
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
