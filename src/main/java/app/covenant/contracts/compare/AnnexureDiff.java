package app.covenant.contracts.compare;

/**
 * One annexure position compared across two versions (annexures are paired by position, 1-based).
 *
 * @param titleBefore {@code null} when the annexure was {@code ADDED}
 * @param titleAfter  {@code null} when the annexure was {@code REMOVED}
 * @param text        word-level diff of the annexure's text (all inserted when added, all deleted when removed)
 */
public record AnnexureDiff(int number, Status status, String titleBefore, String titleAfter, TextDiff text) {

    public enum Status {
        UNCHANGED, CHANGED, ADDED, REMOVED
    }

    public boolean changed() {
        return status != Status.UNCHANGED;
    }

    /** The title to show: the newer one, or the old one of a removed annexure. */
    public String title() {
        return titleAfter != null ? titleAfter : titleBefore;
    }

    public boolean titleChanged() {
        return status == Status.CHANGED && !java.util.Objects.equals(titleBefore, titleAfter);
    }
}
