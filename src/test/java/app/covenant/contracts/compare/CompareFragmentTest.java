package app.covenant.contracts.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** Renders the comparison fragments with a bare template engine (no application context). */
class CompareFragmentTest {

    private static final SpringTemplateEngine ENGINE = engine();

    @Test
    void segmentsAreEscapedAndMarkedInWordsNotOnlyColour() {
        TextDiff diff = WordDiff.compare("<p>Pay &lt;script&gt;alert(1)&lt;/script&gt; in thirty days.</p>",
                "<p>Pay in sixty days.</p>");

        String html = render("diff(${diff.segments()})", Map.of("diff", diff));

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("<div class=\"contract-diff-text\">Pay <del><span class=\"visually-hidden\">"
                + "[deleted: </span>&lt;script&gt;alert(1)&lt;/script&gt; <span class=\"visually-hidden\">]</span></del>in"
                + " <del>");
        assertThat(html).contains("<ins><span class=\"visually-hidden\">[inserted: </span>sixty<span"
                + " class=\"visually-hidden\">]</span></ins> days.</div>");
    }

    @Test
    void noSegmentsSaySo() {
        assertThat(render("diff(${diff.segments()})", Map.of("diff", TextDiff.none())))
                .contains("No text in either version.").doesNotContain("contract-diff-text");
    }

    @Test
    void fieldChangesAreATable() {
        List<FieldChange> changes = List.of(new FieldChange("Title", "NDA", "Mutual <b>NDA</b>"),
                new FieldChange("End date", null, "2027-12-31"));

        String html = render("fields(${changes})", Map.of("changes", changes));

        assertThat(html).contains("<th scope=\"col\">Before</th>").contains("Mutual &lt;b&gt;NDA&lt;/b&gt;")
                .contains("(none)").contains("2027-12-31");
        assertThat(render("fields(${changes})", Map.of("changes", List.of()))).contains("No fields changed.");
    }

    private static String render(String fragment, Map<String, Object> variables) {
        Context context = new Context();
        context.setVariables(variables);
        return ENGINE.process("<div th:replace=\"~{contracts/fragments/compare :: " + fragment + "}\"></div>",
                context);
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setCheckExistence(true);
        files.setOrder(1);
        StringTemplateResolver strings = new StringTemplateResolver();
        strings.setOrder(2);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(strings);
        return engine;
    }
}
