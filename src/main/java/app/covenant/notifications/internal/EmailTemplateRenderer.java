package app.covenant.notifications.internal;

import app.covenant.notifications.OutgoingEmail;
import app.covenant.platform.config.PlatformProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
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
        Map<String, Object> model = values.prepare(email.model(), email.subject());
        Context context = new Context(Locale.ENGLISH, model);
        String htmlBody = html.process(email.template(), context);
        // The name passed the OutgoingEmail pattern and exists on the classpath: safe to put in an expression.
        context.setVariable(TemplateValues.BODY_TEMPLATE, email.template());
        String textBody = text.process(TEXT_LAYOUT, context);
        return new RenderedEmail(email.subject(), textBody, htmlBody);
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
