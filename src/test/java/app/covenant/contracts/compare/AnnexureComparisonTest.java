package app.covenant.contracts.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import app.covenant.contracts.compare.AnnexureDiff.Status;
import app.covenant.contracts.templates.Annexure;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnexureComparisonTest {

    private static final Annexure PRICES = new Annexure("Prices", "<p>Unit price USD 10.</p>");
    private static final Annexure SLA = new Annexure("Service levels", "<p>Uptime 99.9%.</p>");
    private static final Annexure ESCROW = new Annexure("Escrow", "<p>Source code escrow with the agent.</p>");
    private static final Annexure DEFINITIONS = new Annexure("Definitions", "<p>Terms used in this contract.</p>");

    @Test
    void pairsByTitleAndReportsAddedRemovedAndChanged() {
        List<AnnexureDiff> diffs = WordDiff.compareAnnexures(List.of(PRICES, SLA),
                List.of(new Annexure("Prices", "<p>Unit price <b>USD 12</b>.</p>"), SLA,
                        new Annexure("Escrow", "<p>Source code escrow.</p>")));

        assertThat(diffs).extracting(AnnexureDiff::number, AnnexureDiff::status, AnnexureDiff::title)
                .containsExactly(tuple(1, Status.CHANGED, "Prices"),
                        tuple(2, Status.UNCHANGED, "Service levels"),
                        tuple(3, Status.ADDED, "Escrow"));
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
    void anAnnexureInsertedAtTheFrontLeavesTheOthersUnchanged() {
        List<AnnexureDiff> diffs = WordDiff.compareAnnexures(List.of(PRICES, SLA), List.of(DEFINITIONS, PRICES, SLA));

        assertThat(diffs).extracting(AnnexureDiff::number, AnnexureDiff::status, AnnexureDiff::title)
                .containsExactly(tuple(1, Status.ADDED, "Definitions"), tuple(2, Status.UNCHANGED, "Prices"),
                        tuple(3, Status.UNCHANGED, "Service levels"));
        assertThat(WordDiffTest.render(diffs.get(0).text())).isEqualTo("{+Terms used in this contract.+}");
        assertThat(diffs.get(1).text().changed()).isFalse();
        assertThat(diffs.get(2).text().changed()).isFalse();
    }

    @Test
    void anAnnexureRemovedFromTheMiddleIsReportedWhereItStood() {
        List<AnnexureDiff> diffs = WordDiff.compareAnnexures(List.of(PRICES, ESCROW, SLA), List.of(PRICES, SLA));

        assertThat(diffs).as("a removed annexure keeps its number in the older list")
                .extracting(AnnexureDiff::number, AnnexureDiff::status, AnnexureDiff::title)
                .containsExactly(tuple(1, Status.UNCHANGED, "Prices"), tuple(2, Status.REMOVED, "Escrow"),
                        tuple(2, Status.UNCHANGED, "Service levels"));
        assertThat(diffs.get(1).titleAfter()).isNull();
        assertThat(diffs.get(1).text().deletedWords()).isEqualTo(6);
        assertThat(diffs.get(1).text().insertedWords()).isZero();
    }

    @Test
    void removedAnnexuresAtTheFrontAndTheEndStayThere() {
        List<AnnexureDiff> diffs = WordDiff.compareAnnexures(List.of(DEFINITIONS, PRICES, SLA, ESCROW),
                List.of(PRICES, SLA));

        assertThat(diffs).extracting(AnnexureDiff::number, AnnexureDiff::status, AnnexureDiff::title)
                .containsExactly(tuple(1, Status.REMOVED, "Definitions"), tuple(1, Status.UNCHANGED, "Prices"),
                        tuple(2, Status.UNCHANGED, "Service levels"), tuple(4, Status.REMOVED, "Escrow"));
    }

    @Test
    void reorderedAnnexuresAreUnchangedInTheirNewOrder() {
        List<AnnexureDiff> diffs = WordDiff.compareAnnexures(List.of(PRICES, SLA, ESCROW), List.of(ESCROW, PRICES, SLA));

        assertThat(diffs).as("a move is not a change of wording; the number tells where it is now")
                .extracting(AnnexureDiff::number, AnnexureDiff::status, AnnexureDiff::title)
                .containsExactly(tuple(1, Status.UNCHANGED, "Escrow"), tuple(2, Status.UNCHANGED, "Prices"),
                        tuple(3, Status.UNCHANGED, "Service levels"));
    }

    @Test
    void aRenamedAnnexureWithTheSameTextIsChangedWithBothTitlesEvenWhenOthersMoved() {
        List<AnnexureDiff> diffs = WordDiff.compareAnnexures(List.of(PRICES, SLA),
                List.of(DEFINITIONS, new Annexure("Uptime", "<p>Uptime  99.9%.</p>"), PRICES));

        assertThat(diffs).extracting(AnnexureDiff::number, AnnexureDiff::status, AnnexureDiff::titleBefore,
                        AnnexureDiff::titleAfter)
                .containsExactly(tuple(1, Status.ADDED, null, "Definitions"),
                        tuple(2, Status.CHANGED, "Service levels", "Uptime"),
                        tuple(3, Status.UNCHANGED, "Prices", "Prices"));
        assertThat(diffs.get(1).titleChanged()).isTrue();
        assertThat(diffs.get(1).text().changed()).isFalse();
    }

    @Test
    void aRenamedAnnexureWithMostOfItsWordsIsChangedNotRemovedAndAdded() {
        Annexure before = new Annexure("Schedule of rates",
                "<p>Day rate for a senior engineer is USD 900, for a junior engineer USD 500.</p>");
        Annexure after = new Annexure("Rates",
                "<p>Day rate for a senior engineer is USD 950, for a junior engineer USD 500.</p>");

        List<AnnexureDiff> diffs = WordDiff.compareAnnexures(List.of(PRICES, before), List.of(after, PRICES));

        assertThat(diffs).extracting(AnnexureDiff::status, AnnexureDiff::titleBefore, AnnexureDiff::titleAfter)
                .containsExactly(tuple(Status.CHANGED, "Schedule of rates", "Rates"),
                        tuple(Status.UNCHANGED, "Prices", "Prices"));
        assertThat(diffs.get(0).text().insertedWords()).isEqualTo(1);
        assertThat(diffs.get(0).text().deletedWords()).isEqualTo(1);
    }

    @Test
    void aRenamedAndRewrittenAnnexureInTheSamePlaceIsChanged() {
        Annexure rewritten = new Annexure("Support", "<p>Help desk answers within four hours.</p>");

        List<AnnexureDiff> diffs = WordDiff.compareAnnexures(List.of(PRICES, SLA, ESCROW),
                List.of(DEFINITIONS, PRICES, rewritten, ESCROW));

        assertThat(diffs).as("between the same neighbours, the position is the fallback")
                .extracting(AnnexureDiff::number, AnnexureDiff::status, AnnexureDiff::titleBefore,
                        AnnexureDiff::titleAfter)
                .containsExactly(tuple(1, Status.ADDED, null, "Definitions"),
                        tuple(2, Status.UNCHANGED, "Prices", "Prices"),
                        tuple(3, Status.CHANGED, "Service levels", "Support"),
                        tuple(4, Status.UNCHANGED, "Escrow", "Escrow"));
        assertThat(WordDiff.compareAnnexures(List.of(PRICES, SLA), List.of(DEFINITIONS, PRICES, rewritten)))
                .as("the last one of both lists is in the same place too")
                .extracting(AnnexureDiff::status)
                .containsExactly(Status.ADDED, Status.UNCHANGED, Status.CHANGED);
        assertThat(WordDiff.compareAnnexures(List.of(SLA), List.of(rewritten)))
                .extracting(AnnexureDiff::status).containsExactly(Status.CHANGED);
    }

    @Test
    void titlesPairRegardlessOfCaseAndSpacingAndDuplicatesPairInOrder() {
        Annexure first = new Annexure("Drawings", "<p>Sheet one.</p>");
        Annexure second = new Annexure("Drawings", "<p>Sheet two, revised.</p>");

        List<AnnexureDiff> diffs = WordDiff.compareAnnexures(List.of(first, second),
                List.of(new Annexure("drawings ", first.html()), new Annexure("DRAWINGS", "<p>Sheet two.</p>")));

        assertThat(diffs).extracting(AnnexureDiff::status, AnnexureDiff::titleBefore)
                .containsExactly(tuple(Status.CHANGED, "Drawings"), tuple(Status.CHANGED, "Drawings"));
        assertThat(diffs.get(0).text().changed()).as("only the title's case changed").isFalse();
        assertThat(WordDiffTest.render(diffs.get(1).text())).isEqualTo("Sheet two[-, revised-].");
    }

    @Test
    void noAnnexuresOnEitherSide() {
        assertThat(WordDiff.compareAnnexures(null, List.of())).isEmpty();
    }
}
