package app.covenant.contracts.compare;

import app.covenant.contracts.compare.DiffSegment.Kind;
import app.covenant.contracts.compare.TokenAlignment.Op;
import java.util.ArrayList;
import java.util.List;

/** Turns aligned tokens into the segments a reader is shown. */
final class Segments {

    private Segments() {
    }

    static TextDiff of(List<Op> ops) {
        List<Op> tidy = groupReplacements(ops);
        List<DiffSegment> segments = new ArrayList<>();
        int inserted = 0;
        int deleted = 0;
        Kind kind = null;
        StringBuilder text = new StringBuilder();
        for (Op op : tidy) {
            if (op.token().type() == Token.Type.WORD) {
                if (op.kind() == Kind.INSERT) {
                    inserted++;
                } else if (op.kind() == Kind.DELETE) {
                    deleted++;
                }
            }
            if (op.kind() != kind && kind != null) {
                segments.add(new DiffSegment(kind, text.toString()));
                text.setLength(0);
            }
            kind = op.kind();
            text.append(op.token().text());
        }
        if (kind != null) {
            segments.add(new DiffSegment(kind, text.toString()));
        }
        return new TextDiff(segments, inserted, deleted);
    }

    /**
     * Myers' algorithm happily matches the single spaces between replaced words, which would show "the quick brown"
     * → "the slow red" as ~~quick~~ slow ~~brown~~ red. A run of changes held together only by spaces (not
     * paragraph breaks) that both deletes and inserts is regrouped as all its deletions, then all its insertions,
     * the spaces going with both.
     */
    private static List<Op> groupReplacements(List<Op> ops) {
        List<Op> result = new ArrayList<>(ops.size());
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == Kind.EQUAL) {
                result.add(ops.get(i++));
                continue;
            }
            int last = i;
            boolean deletes = false;
            boolean inserts = false;
            int j = i;
            while (j < ops.size()) {
                Op op = ops.get(j);
                if (op.kind() != Kind.EQUAL) {
                    deletes |= op.kind() == Kind.DELETE;
                    inserts |= op.kind() == Kind.INSERT;
                    last = j++;
                } else if (op.token().isInlineSpace() && j + 1 < ops.size() && ops.get(j + 1).kind() != Kind.EQUAL) {
                    j++;
                } else {
                    break;
                }
            }
            List<Op> run = ops.subList(i, last + 1);
            if (deletes && inserts) {
                addSide(result, run, Kind.DELETE);
                addSide(result, run, Kind.INSERT);
            } else {
                result.addAll(run);
            }
            i = last + 1;
        }
        return result;
    }

    private static void addSide(List<Op> result, List<Op> run, Kind side) {
        for (Op op : run) {
            if (op.kind() == side || op.kind() == Kind.EQUAL) {
                result.add(new Op(side, op.token()));
            }
        }
    }
}
