package app.covenant.contracts.compare;

import app.covenant.contracts.compare.DiffSegment.Kind;
import java.util.List;

/**
 * The word-level difference between two texts, in reading order, with adjacent segments of the same kind merged.
 *
 * @param insertedWords words (not punctuation or spaces) only the newer text has
 * @param deletedWords  words only the older text had
 */
public record TextDiff(List<DiffSegment> segments, int insertedWords, int deletedWords) {

    private static final TextDiff NONE = new TextDiff(List.of(), 0, 0);

    public TextDiff {
        segments = List.copyOf(segments);
    }

    /** Two empty texts. */
    public static TextDiff none() {
        return NONE;
    }

    /** Whether anything a reader can see changed: a word or a punctuation mark (layout alone does not count). */
    public boolean changed() {
        return segments.stream().anyMatch(segment -> segment.kind() != Kind.EQUAL);
    }

    /** The newer text as compared (white space normalised). */
    public String afterText() {
        return join(Kind.INSERT);
    }

    /** The older text as compared; where only white space differed, the newer text's spacing shows. */
    public String beforeText() {
        return join(Kind.DELETE);
    }

    private String join(Kind side) {
        StringBuilder text = new StringBuilder();
        for (DiffSegment segment : segments) {
            if (segment.kind() == Kind.EQUAL || segment.kind() == side) {
                text.append(segment.text());
            }
        }
        return text.toString();
    }
}
