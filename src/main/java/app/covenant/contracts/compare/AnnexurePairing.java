package app.covenant.contracts.compare;

import app.covenant.contracts.templates.Annexure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which older annexure each newer annexure is (for {@link WordDiff#compareAnnexures}), so that inserting, removing or
 * moving one does not make every later one look rewritten. Three passes, each only over what is still unpaired:
 * <ol>
 *   <li><b>Title</b>: the same title (white space and case aside), the first unpaired one in list order.</li>
 *   <li><b>Text</b>: the same text (spacing aside), or nearly: at least {@value #SIMILAR} of the words shared,
 *       counted as multisets (Dice coefficient). The best-scoring pairs are taken first. This is a count of words,
 *       not a diff: linear in the texts' length per pair, and annexures are few.</li>
 *   <li><b>Slot</b> (position as a fallback): an unpaired annexure that stands where an unpaired older one stood,
 *       between the same paired neighbours (or at the same end of both lists), is that one, renamed and
 *       rewritten. Two lists with nothing in common therefore pair by position, as before.</li>
 * </ol>
 * Whatever is still unpaired was added (newer) or removed (older).
 */
final class AnnexurePairing {

    /** The share of equal words from which two differently titled annexures count as the same one. */
    static final double SIMILAR = 0.8;

    /** The best score of texts that differ (in punctuation, say): the same text pairs first. */
    private static final double ALMOST_SAME = 0.999;

    private final List<Annexure> older;
    private final List<Annexure> newer;
    /** For each newer annexure, the index of the older one it is, or -1. */
    private final int[] partner;
    private final boolean[] olderPaired;

    private AnnexurePairing(List<Annexure> older, List<Annexure> newer) {
        this.older = older;
        this.newer = newer;
        this.partner = new int[newer.size()];
        this.olderPaired = new boolean[older.size()];
        Arrays.fill(partner, -1);
    }

    /** For each annexure of {@code newer}, the index in {@code older} of the same annexure, or -1 if it is new. */
    static int[] pair(List<Annexure> older, List<Annexure> newer) {
        AnnexurePairing pairing = new AnnexurePairing(older, newer);
        pairing.byTitle();
        pairing.byText();
        pairing.bySlot();
        return pairing.partner;
    }

    private void byTitle() {
        for (int j = 0; j < newer.size(); j++) {
            String title = titleKey(newer.get(j));
            if (title.isEmpty()) {
                continue;
            }
            for (int i = 0; i < older.size(); i++) {
                if (!olderPaired[i] && title.equals(titleKey(older.get(i)))) {
                    link(i, j);
                    break;
                }
            }
        }
    }

    private record Candidate(int older, int newer, double score) {
    }

    private void byText() {
        Map<Integer, Words> olderWords = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int j = 0; j < newer.size(); j++) {
            if (partner[j] >= 0) {
                continue;
            }
            Words is = Words.of(newer.get(j));
            if (is.isEmpty()) {
                continue;
            }
            for (int i = 0; i < older.size(); i++) {
                if (olderPaired[i]) {
                    continue;
                }
                Words was = olderWords.computeIfAbsent(i, k -> Words.of(older.get(k)));
                double score = was.similarity(is);
                if (score >= SIMILAR) {
                    candidates.add(new Candidate(i, j, score));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::newer).thenComparingInt(Candidate::older));
        for (Candidate candidate : candidates) {
            if (partner[candidate.newer()] < 0 && !olderPaired[candidate.older()]) {
                link(candidate.older(), candidate.newer());
            }
        }
    }

    /**
     * Forwards from the paired annexure (or the start) before each gap, then backwards from the one after it (or the
     * end), so a run of rewritten annexures pairs up one by one from whichever side is anchored.
     */
    private void bySlot() {
        int n = newer.size();
        int m = older.size();
        for (int j = 0, i; j < n; j++) {
            i = j == 0 ? 0 : partner[j - 1] < 0 ? -1 : partner[j - 1] + 1;
            if (partner[j] < 0 && i >= 0 && i < m && !olderPaired[i]) {
                link(i, j);
            }
        }
        for (int j = n - 1, i; j >= 0; j--) {
            i = j == n - 1 ? m - 1 : partner[j + 1] < 0 ? -1 : partner[j + 1] - 1;
            if (partner[j] < 0 && i >= 0 && i < m && !olderPaired[i]) {
                link(i, j);
            }
        }
    }

    private void link(int olderIndex, int newerIndex) {
        partner[newerIndex] = olderIndex;
        olderPaired[olderIndex] = true;
    }

    private static String titleKey(Annexure annexure) {
        return annexure.title() == null ? "" : ReadableText.ofPlain(annexure.title()).toLowerCase(Locale.ROOT);
    }

    /** An annexure's text as compared: its words and marks in order (spacing aside) and its words as a multiset. */
    private record Words(String text, Map<String, Integer> counts, int total) {

        static Words of(Annexure annexure) {
            StringBuilder text = new StringBuilder();
            Map<String, Integer> counts = new HashMap<>();
            int total = 0;
            for (Token token : Token.of(ReadableText.ofHtml(annexure.html()))) {
                if (token.isSpace()) {
                    continue;
                }
                text.append(token.text()).append('\u0000');
                if (token.type() == Token.Type.WORD) {
                    counts.merge(token.text(), 1, Integer::sum);
                    total++;
                }
            }
            return new Words(text.toString(), counts, total);
        }

        boolean isEmpty() {
            return text.isEmpty();
        }

        /**
         * 1 for the same text; else twice the words in common over all words, just under 1 at most (0 when either
         * has no text).
         */
        double similarity(Words other) {
            if (isEmpty() || other.isEmpty()) {
                return 0;
            }
            if (text.equals(other.text)) {
                return 1;
            }
            int all = total + other.total;
            if (all == 0 || 2.0 * Math.min(total, other.total) / all < SIMILAR) {
                return 0;
            }
            Map<String, Integer> small = counts.size() <= other.counts.size() ? counts : other.counts;
            Map<String, Integer> large = small == counts ? other.counts : counts;
            int common = 0;
            for (Map.Entry<String, Integer> entry : small.entrySet()) {
                common += Math.min(entry.getValue(), large.getOrDefault(entry.getKey(), 0));
            }
            return Math.min(2.0 * common / all, ALMOST_SAME);
        }
    }
}
