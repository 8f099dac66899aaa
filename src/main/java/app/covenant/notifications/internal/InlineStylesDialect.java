package app.covenant.notifications.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Inlines {@code templates/email/email.css} while a message renders: an element with
 * {@code class="button"} leaves with the declarations of {@code .button} in its {@code style}.
 *
 * <p>Mail clients ignore or strip stylesheets, so e-mail must carry inline styles; the templates stay
 * free of them all the same (one look for every message, kept in one file, and no template under
 * {@code templates/} ever carries inline style, which the web pages' CSP forbids).
 */
final class InlineStylesDialect extends AbstractProcessorDialect {

    static final String STYLESHEET = EmailTemplateRenderer.LOCATION + "email.css";
    // Deliberately small: single-class rules only, which is all a message's look needs.
    private static final Pattern RULE = Pattern.compile("\\.([a-z][a-z0-9-]*)\\s*\\{([^}]*)}");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private final Map<String, String> styles;

    InlineStylesDialect() {
        super("Covenant e-mail styles", null, 1000);
        this.styles = parse(read());
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new ClassToStyle());
    }

    static Map<String, String> parse(String css) {
        Map<String, String> rules = new LinkedHashMap<>();
        Matcher rule = RULE.matcher(COMMENT.matcher(css).replaceAll(""));
        while (rule.find()) {
            String declarations = Arrays.stream(rule.group(2).split(";")).map(String::strip)
                    .filter(declaration -> !declaration.isEmpty())
                    .map(declaration -> declaration.replaceFirst("\\s*:\\s*", ":"))
                    .collect(Collectors.joining(";", "", ";"));
            rules.merge(rule.group(1), declarations, String::concat);
        }
        return Map.copyOf(rules);
    }

    private static String read() {
        try (InputStream css = new ClassPathResource(STYLESHEET).getInputStream()) {
            return new String(css.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("E-mail stylesheet " + STYLESHEET + " is missing", e);
        }
    }

    private final class ClassToStyle extends AbstractAttributeTagProcessor {

        ClassToStyle() {
            super(TemplateMode.HTML, null, null, false, "class", false, 1000, false);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attribute,
                                 String classes, IElementTagStructureHandler structure) {
            StringBuilder style = new StringBuilder();
            for (String name : classes.strip().split("\\s+")) {
                String declarations = styles.get(name);
                if (declarations == null) {
                    // A typo would silently lose the look in every client: fail the rendering instead.
                    throw new TemplateProcessingException("No rule ." + name + " in " + STYLESHEET);
                }
                style.append(declarations);
            }
            structure.setAttribute("style", style.toString());
        }
    }
}
