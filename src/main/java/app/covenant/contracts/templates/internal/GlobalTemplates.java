package app.covenant.contracts.templates.internal;

import app.covenant.contracts.templates.Annexure;
import app.covenant.contracts.templates.TemplateCategory;
import app.covenant.contracts.templates.TemplateDraft;
import app.covenant.contracts.templates.TemplateVariable;
import app.covenant.shared.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Covenant's own templates, available to every organization in every deployment (not demo data): each a folder
 * under {@code classpath:contracts/templates/} with a {@code template.json} (code, name, category, description,
 * annexure files, variable definitions) and its HTML files. Seeded at start, by code: a template already there is
 * left as it is (a platform administrator may have revised it), so seeding is idempotent; on several nodes the
 * unique code lets one insert win.
 */
@Component
public class GlobalTemplates {

    /** The order of {@link #seed()} among the ApplicationReadyEvent listeners: first. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;
    static final String LOCATION = "classpath:contracts/templates/*/template.json";
    private static final Logger log = LoggerFactory.getLogger(GlobalTemplates.class);

    private final TemplateStore store;
    private final TransactionTemplate transaction;
    private final ResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    GlobalTemplates(TemplateStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One template.json. */
    record Manifest(String code, String name, TemplateCategory category, String description, String body,
                    List<AnnexureFile> annexures, List<TemplateVariable> variables) {
    }

    record AnnexureFile(String title, String file) {
    }

    /**
     * Runs before every other ready listener ({@link #ORDER}): the demo data drafts its contracts from these
     * templates, on the same event, and must find them seeded rather than make its own.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(ORDER)
    void seed() {
        int seeded = 0;
        for (TemplateDraft draft : drafts()) {
            if (seed(draft)) {
                seeded++;
            }
        }
        if (seeded > 0) {
            log.info("Seeded {} global contract template(s)", seeded);
        }
    }

    /** The drafts of every bundled template, by folder name. */
    public List<TemplateDraft> drafts() {
        try {
            Resource[] manifests = resources.getResources(LOCATION);
            return Arrays.stream(manifests).sorted(Comparator.comparing(Resource::getDescription))
                    .map(this::draft).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean seed(TemplateDraft draft) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (store.globalExists(draft.code())) {
                    return false;
                }
                store.create(null, null, DraftCheck.prepare(draft, true), draft.category());
                return true;
            }));
        } catch (ProblemException raced) {
            if (raced.status() != 409) {
                throw new IllegalStateException("The bundled template " + draft.code() + " is invalid: "
                        + raced.errors(), raced);
            }
            log.debug("The global template {} was seeded concurrently", draft.code());
            return false;
        }
    }

    private TemplateDraft draft(Resource manifestResource) {
        try {
            Manifest manifest = json.readValue(read(manifestResource), Manifest.class);
            String body = read(manifestResource.createRelative(manifest.body()));
            List<Annexure> annexures = manifest.annexures() == null ? List.of() : manifest.annexures().stream()
                    .map(file -> new Annexure(file.title(), read(relative(manifestResource, file.file())))).toList();
            return new TemplateDraft(manifest.code(), manifest.name(), manifest.category(), manifest.description(),
                    body, annexures, manifest.variables());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled template " + manifestResource, e);
        }
    }

    private static Resource relative(Resource base, String file) {
        try {
            return base.createRelative(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
