package app.covenant.notifications.internal;

import app.covenant.notifications.OutgoingEmail;
import app.covenant.platform.config.PlatformProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message from {@code templates/email/<name>.html} and {@code <name>.txt}.
 *
 * <p>The HTML template replaces itself with the branded {@code layout.html} (standard Thymeleaf
 * fragment parameters); the text one is inserted by {@code layout.txt}, because text templates have
 * no element to decorate. The look comes from {@code email.css}, inlined by {@link InlineStylesDialect}.
 * Both engines are private to this class, not beans: a second template engine bean would displace the
 * one Spring Boot configures for the web pages.
 */
@Component
class EmailTemplateRenderer {

    static final String LOCATION = "templates/email/";
    private static final String TEXT_LAYOUT = "layout";
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final SpringTemplateEngine html = engine(".html", TemplateMode.HTML);
    private final SpringTemplateEngine text = engine(".txt", TemplateMode.TEXT);
    private final TemplateValues values;

    @Autowired
    EmailTemplateRenderer(PlatformProperties platform) {
        this(platform.frontendUrl());
    }

    EmailTemplateRenderer(URI frontendUrl) {
        this.values = new TemplateValues(frontendUrl);
    }

    RenderedEmail render(OutgoingEmail email) {
        requireTemplate(email.template());
        return process(email.template(), email.subject(), values.prepare(email.model(), email.subject()));
    }

    /**
     * The checks and values of {@link #render} without the rendering, for messages rendered when they are
     * sent. Each distinct template is looked up once: a bulk batch repeats a few templates thousands of times.
     */
    List<Map<String, Object>> prepareAll(List<OutgoingEmail> emails) {
        emails.stream().map(OutgoingEmail::template).distinct().forEach(EmailTemplateRenderer::requireTemplate);
        return emails.stream().map(email -> values.prepare(email.model(), email.subject())).toList();
    }

    /** Renders values {@link #prepareAll} made earlier; the template is checked again, it may have gone since. */
    RenderedEmail renderPrepared(String template, String subject, Map<String, Object> prepared) {
        // Read back from the database, so not vouched for by OutgoingEmail: check the name before it reaches an expression.
        if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("Not a template name");
        }
        requireTemplate(template);
        return process(template, subject, prepared);
    }

    private RenderedEmail process(String template, String subject, Map<String, Object> prepared) {
        Context context = new Context(Locale.ENGLISH, prepared);
        String htmlBody = html.process(template, context);
        // The name passed the OutgoingEmail pattern and exists on the classpath: safe to put in an expression.
        context.setVariable(TemplateValues.BODY_TEMPLATE, template);
        String textBody = text.process(TEXT_LAYOUT, context);
        return new RenderedEmail(subject, textBody, htmlBody);
    }

    private static void requireTemplate(String name) {
        if (TEXT_LAYOUT.equals(name)
                || !new ClassPathResource(LOCATION + name + ".html").exists()
                || !new ClassPathResource(LOCATION + name + ".txt").exists()) {
            throw new IllegalArgumentException("No e-mail template '" + name + "': expected "
                    + LOCATION + name + ".html and " + LOCATION + name + ".txt");
        }
    }

    private static SpringTemplateEngine engine(String suffix, TemplateMode mode) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(LOCATION);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        if (mode == TemplateMode.HTML) {
            engine.addDialect(new InlineStylesDialect());
        }
        engine.setEnableSpringELCompiler(true);
        return engine;
    }
}
