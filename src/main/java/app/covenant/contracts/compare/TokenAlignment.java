package app.covenant.contracts.compare;

import app.covenant.contracts.compare.DiffSegment.Kind;
import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligns two token lists in two passes: paragraphs first (unchanged paragraphs match whole, whatever their
 * spacing), then words inside each run of changed paragraphs. Myers' algorithm costs time in proportion to the
 * number of edits times the text's length, so a 50-page contract with a few scattered edits is cheap but two
 * unrelated documents are not: past a budget of edit steps a changed run is reported as deleted and re-inserted
 * whole, which is true, coarse, and fast. One instance per comparison; not thread-safe.
 */
final class TokenAlignment {

    /**
     * Diagonals walked (summed over the word-level passes of one comparison) before changed runs are shown whole:
     * about 2,000 edits in one run, some 100 ms, where two unrelated 30,000-word texts would otherwise take seconds.
     */
    static final long EDIT_STEP_BUDGET = 2_000_000L;

    private static final Token PARAGRAPH_BREAK = new Token("\n\n", Token.Type.SPACE);

    private final List<Op> ops = new ArrayList<>();
    private boolean beforeHasText;
    private boolean afterHasText;
    private long stepsLeft;

    record Op(Kind kind, Token token) {
    }

    private record Paragraph(List<Token> tokens, String words) {

        boolean sameWords(Paragraph other) {
            return words.equals(other.words);
        }
    }

    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    TokenAlignment(long stepBudget) {
        this.stepsLeft = stepBudget;
    }

    List<Op> align(List<Token> before, List<Token> after) {
        List<Paragraph> source = paragraphs(before);
        List<Paragraph> target = paragraphs(after);
        List<AbstractDelta<Paragraph>> deltas;
        try {
            deltas = DiffUtils.diff(source, target, new MyersDiff<Paragraph>(Paragraph::sameWords), budget(), true)
                    .getDeltas();
        } catch (OverBudget tooManyParagraphEdits) {
            changedParagraphs(source, target);
            return ops;
        }
        for (AbstractDelta<Paragraph> delta : deltas) {
            if (delta.getType() == DeltaType.EQUAL) {
                for (Paragraph paragraph : delta.getTarget().getLines()) {
                    separate(true, true);
                    emit(Kind.EQUAL, paragraph.tokens());
                }
            } else {
                changedParagraphs(delta.getSource().getLines(), delta.getTarget().getLines());
            }
        }
        return ops;
    }

    /**
     * As many paragraphs changed as were there before (a term renamed throughout, a clause reworded): compare them
     * pair by pair, which keeps each word-level pass small. Otherwise paragraphs were added, removed, split or
     * joined, and the run is compared as one text.
     */
    private void changedParagraphs(List<Paragraph> source, List<Paragraph> target) {
        if (source.size() == target.size()) {
            for (int i = 0; i < source.size(); i++) {
                separate(true, true);
                words(source.get(i).tokens(), target.get(i).tokens());
            }
        } else {
            separate(!source.isEmpty(), !target.isEmpty());
            words(joined(source), joined(target));
        }
    }

    private void words(List<Token> source, List<Token> target) {
        if (source.isEmpty() || target.isEmpty()) {
            emit(Kind.DELETE, source);
            emit(Kind.INSERT, target);
            return;
        }
        List<AbstractDelta<Token>> deltas;
        try {
            deltas = DiffUtils.diff(source, target, new MyersDiff<Token>(), budget(), true).getDeltas();
        } catch (OverBudget tooManyEdits) {
            emit(Kind.DELETE, source);
            emit(Kind.INSERT, target);
            return;
        }
        for (AbstractDelta<Token> delta : deltas) {
            switch (delta.getType()) {
                case EQUAL -> emit(Kind.EQUAL, delta.getTarget().getLines());
                case DELETE -> emit(Kind.DELETE, delta.getSource().getLines());
                case INSERT -> emit(Kind.INSERT, delta.getTarget().getLines());
                case CHANGE -> {
                    emit(Kind.DELETE, delta.getSource().getLines());
                    emit(Kind.INSERT, delta.getTarget().getLines());
                }
            }
        }
    }

    /** Step {@code d} of Myers' algorithm walks about {@code d} diagonals; charge them until the budget is spent. */
    private DiffAlgorithmListener budget() {
        return new DiffAlgorithmListener() {
            @Override
            public void diffStart() {
            }

            @Override
            public void diffStep(int value, int max) {
                stepsLeft -= value + 1L;
                if (stepsLeft < 0) {
                    throw new OverBudget();
                }
            }

            @Override
            public void diffEnd() {
            }
        };
    }

    /**
     * The paragraph break before the next run, on the side(s) that have text both before and in it: a paragraph
     * removed takes its break with it, so the newer text does not show two breaks in a row.
     */
    private void separate(boolean beforeGetsText, boolean afterGetsText) {
        boolean onBefore = beforeGetsText && beforeHasText;
        boolean onAfter = afterGetsText && afterHasText;
        if (onBefore && onAfter) {
            ops.add(new Op(Kind.EQUAL, PARAGRAPH_BREAK));
        } else if (onBefore) {
            ops.add(new Op(Kind.DELETE, PARAGRAPH_BREAK));
        } else if (onAfter) {
            ops.add(new Op(Kind.INSERT, PARAGRAPH_BREAK));
        }
        beforeHasText |= beforeGetsText;
        afterHasText |= afterGetsText;
    }

    private void emit(Kind kind, List<Token> tokens) {
        for (Token token : tokens) {
            ops.add(new Op(kind, token));
        }
    }

    private static List<Paragraph> paragraphs(List<Token> tokens) {
        List<Paragraph> paragraphs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).isParagraphBreak()) {
                if (i > start) {
                    paragraphs.add(paragraph(tokens.subList(start, i)));
                }
                start = i + 1;
            }
        }
        return paragraphs;
    }

    /** A paragraph's identity is its words and marks in order, its spacing aside. */
    private static Paragraph paragraph(List<Token> tokens) {
        StringBuilder words = new StringBuilder();
        for (Token token : tokens) {
            if (!token.isSpace()) {
                words.append(token.text()).append('\u0000');
            }
        }
        return new Paragraph(List.copyOf(tokens), words.toString());
    }

    private static List<Token> joined(List<Paragraph> paragraphs) {
        List<Token> tokens = new ArrayList<>();
        for (Paragraph paragraph : paragraphs) {
            if (!tokens.isEmpty()) {
                tokens.add(PARAGRAPH_BREAK);
            }
            tokens.addAll(paragraph.tokens());
        }
        return tokens;
    }
}
