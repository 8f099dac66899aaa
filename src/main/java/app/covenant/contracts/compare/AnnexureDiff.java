package app.covenant.contracts.compare;

/**
 * One annexure compared across two versions: the newer annexure and the older one it is (paired by title, then by
 * text, then by place; see {@link WordDiff#compareAnnexures}).
 *
 * @param number      1-based: the annexure's position in the newer list, or, when it was {@code REMOVED}, in the
 *                    older list (so "Annexure 3, removed" names the third annexure of the older version)
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
