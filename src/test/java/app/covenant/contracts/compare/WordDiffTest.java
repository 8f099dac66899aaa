package app.covenant.contracts.compare;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.contracts.compare.DiffSegment.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WordDiffTest {

    /** Segments as text: {@code [-deleted-]}, {@code {+inserted+}}, equal text as is. */
    static String render(TextDiff diff) {
        StringBuilder text = new StringBuilder();
        for (DiffSegment segment : diff.segments()) {
            switch (segment.kind()) {
                case EQUAL -> text.append(segment.text());
                case INSERT -> text.append("{+").append(segment.text()).append("+}");
                case DELETE -> text.append("[-").append(segment.text()).append("-]");
            }
        }
        return text.toString();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, before, after, rendered diff, inserted words, deleted words
                Arguments.of("identical", "<p>The Supplier shall deliver.</p>", "<p>The Supplier shall deliver.</p>",
                        "The Supplier shall deliver.", 0, 0),
                Arguments.of("both empty", "", null, "", 0, 0),
                Arguments.of("empty before", "", "<p>New terms apply.</p>", "{+New terms apply.+}", 3, 0),
                Arguments.of("empty after", "<p>Old terms.</p>", "  ", "[-Old terms.-]", 0, 2),
                Arguments.of("insertion", "<p>The Supplier shall deliver.</p>",
                        "<p>The Supplier shall promptly deliver.</p>", "The Supplier shall {+promptly +}deliver.", 1, 0),
                Arguments.of("deletion", "<p>The Supplier shall promptly deliver.</p>",
                        "<p>The Supplier shall deliver.</p>", "The Supplier shall [-promptly -]deliver.", 0, 1),
                Arguments.of("replacement in the middle", "<p>Payment within thirty days of invoice.</p>",
                        "<p>Payment within sixty days of invoice.</p>",
                        "Payment within [-thirty-]{+sixty+} days of invoice.", 1, 1),
                Arguments.of("replaced phrase reads as one deletion and one insertion",
                        "<p>the quick brown fox</p>", "<p>the slow red fox</p>",
                        "the [-quick brown-]{+slow red+} fox", 2, 2),
                Arguments.of("amount is one word", "<p>Fee: USD 1,500.00 per month.</p>",
                        "<p>Fee: USD 2,750.00 per month.</p>", "Fee: USD [-1,500.00-]{+2,750.00+} per month.", 1, 1),
                Arguments.of("punctuation", "<p>Notice, in writing, is required.</p>",
                        "<p>Notice in writing is required!</p>", "Notice[-,-] in writing[-,-] is required[-.-]{+!+}", 0,
                        0),
                Arguments.of("whitespace only", "<p>Term   of\n the  agreement</p>", "<p>Term of the agreement</p>",
                        "Term of the agreement", 0, 0),
                Arguments.of("non-breaking space", "<p>Clause&nbsp;4</p>", "<p>Clause 4</p>", "Clause 4", 0, 0),
                Arguments.of("markup differs, text the same", "<p>The <b>Supplier</b> shall <em>deliver</em>.</p>",
                        "<div><p class=\"x\">The Supplier <span>shall</span> deliver.</p></div>",
                        "The Supplier shall deliver.", 0, 0),
                Arguments.of("paragraph split is layout, not wording", "<p>First part. Second part.</p>",
                        "<p>First part.</p><p>Second part.</p>", "First part.\n\nSecond part.", 0, 0),
                Arguments.of("paragraphs do not merge", "<p>alpha</p><p>beta</p>", "<p>alphabeta</p>",
                        "[-alpha\n\nbeta-]{+alphabeta+}", 1, 2),
                Arguments.of("line break", "<p>Signed<br>Director</p>", "<p>Signed<br>Manager</p>",
                        "Signed\n[-Director-]{+Manager+}", 1, 1),
                Arguments.of("paragraph inserted", "<p>One.</p><p>Three.</p>", "<p>One.</p><p>Two.</p><p>Three.</p>",
                        "One.{+\n\nTwo.+}\n\nThree.", 1, 0),
                Arguments.of("paragraph removed", "<p>One.</p><p>Two.</p><p>Three.</p>", "<p>One.</p><p>Three.</p>",
                        "One.[-\n\nTwo.-]\n\nThree.", 0, 1),
                Arguments.of("first paragraph removed", "<p>One.</p><p>Two.</p>", "<p>Two.</p>",
                        "[-One.\n\n-]Two.", 0, 1),
                Arguments.of("last paragraph added", "<p>One.</p>", "<p>One.</p><p>Two.</p>", "One.{+\n\nTwo.+}", 1,
                        0),
                Arguments.of("list items and table cells", "<ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table>",
                        "<ul><li>a</li><li>c</li></ul><table><tr><td>x</td><td>y</td></tr></table>",
                        "a\n\n[-b-]{+c+}\n\nx y", 1, 1),
                Arguments.of("text is text, not markup", "<p>a &lt;b&gt; c</p>", "<p>a &lt;i&gt; c</p>",
                        "a <[-b-]{+i+}> c", 1, 1),
                Arguments.of("apostrophe stays in the word", "<p>the party's rights</p>",
                        "<p>the parties' rights</p>", "the [-party's-]{+parties'+} rights", 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void comparesWhatAReaderSees(String name, String before, String after, String expected, int inserted,
            int deleted) {
        TextDiff diff = WordDiff.compare(before, after);

        assertThat(render(diff)).isEqualTo(expected);
        assertThat(diff.insertedWords()).as("inserted words").isEqualTo(inserted);
        assertThat(diff.deletedWords()).as("deleted words").isEqualTo(deleted);
        assertThat(diff.changed()).isEqualTo(expected.contains("{+") || expected.contains("[-"));
        assertThat(diff.afterText()).isEqualTo(ReadableText.ofHtml(after));
        assertThat(diff.beforeText().replaceAll("\\s+", " "))
                .isEqualTo(ReadableText.ofHtml(before).replaceAll("\\s+", " "));
    }

    @Test
    void adjacentSegmentsOfOneKindAreMerged() {
        TextDiff diff = WordDiff.compare("<p>a b c d e</p>", "<p>a x y z e</p>");

        for (int i = 1; i < diff.segments().size(); i++) {
            assertThat(diff.segments().get(i).kind()).isNotEqualTo(diff.segments().get(i - 1).kind());
        }
        assertThat(diff.segments()).extracting(DiffSegment::kind)
                .containsExactly(Kind.EQUAL, Kind.DELETE, Kind.INSERT, Kind.EQUAL);
    }

    @Test
    void plainTextKeepsItsParagraphs() {
        TextDiff diff = WordDiff.compareText("Clause one.\n\nClause two\r\nwraps here.", "Clause one.\n\nClause 2\nwraps here.");

        assertThat(render(diff)).isEqualTo("Clause one.\n\nClause [-two-]{+2+}\nwraps here.");
    }
}
