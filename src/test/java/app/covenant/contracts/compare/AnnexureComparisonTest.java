package app.covenant.contracts.compare;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.contracts.compare.AnnexureDiff.Status;
import app.covenant.contracts.templates.Annexure;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnexureComparisonTest {

    private static final Annexure PRICES = new Annexure("Prices", "<p>Unit price USD 10.</p>");
    private static final Annexure SLA = new Annexure("Service levels", "<p>Uptime 99.9%.</p>");

    @Test
    void pairsByPositionAndReportsAddedRemovedAndChanged() {
        List<AnnexureDiff> diffs = WordDiff.compareAnnexures(List.of(PRICES, SLA),
                List.of(new Annexure("Prices", "<p>Unit price <b>USD 12</b>.</p>"), SLA,
                        new Annexure("Escrow", "<p>Source code escrow.</p>")));

        assertThat(diffs).extracting(AnnexureDiff::number, AnnexureDiff::status, AnnexureDiff::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Status.CHANGED, "Prices"),
                        org.assertj.core.groups.Tuple.tuple(2, Status.UNCHANGED, "Service levels"),
                        org.assertj.core.groups.Tuple.tuple(3, Status.ADDED, "Escrow"));
        assertThat(WordDiffTest.render(diffs.get(0).text())).isEqualTo("Unit price USD [-10-]{+12+}.");
        assertThat(diffs.get(1).changed()).isFalse();
        assertThat(WordDiffTest.render(diffs.get(2).text())).isEqualTo("{+Source code escrow.+}");
        assertThat(diffs.get(2).titleBefore()).isNull();
    }

    @Test
    void removedAnnexureIsAllDeleted() {
        List<AnnexureDiff> diffs = WordDiff.compareAnnexures(List.of(PRICES, SLA), List.of(PRICES));

        assertThat(diffs.get(0).status()).isEqualTo(Status.UNCHANGED);
        assertThat(diffs.get(1).status()).isEqualTo(Status.REMOVED);
        assertThat(diffs.get(1).title()).isEqualTo("Service levels");
        assertThat(diffs.get(1).text().deletedWords()).isEqualTo(2);
    }

    @Test
    void aRenamedAnnexureIsChangedEvenWithTheSameText() {
        List<AnnexureDiff> diffs = WordDiff.compareAnnexures(List.of(SLA),
                List.of(new Annexure("SLA", SLA.html())));

        assertThat(diffs.get(0).status()).isEqualTo(Status.CHANGED);
        assertThat(diffs.get(0).titleChanged()).isTrue();
        assertThat(diffs.get(0).text().changed()).isFalse();
    }

    @Test
    void noAnnexuresOnEitherSide() {
        assertThat(WordDiff.compareAnnexures(null, List.of())).isEmpty();
    }
}
