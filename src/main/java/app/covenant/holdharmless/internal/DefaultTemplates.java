package app.covenant.holdharmless.internal;

import app.covenant.identity.events.OrganizationCreated;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each organization's default agreement template ({@code hold_harmless_templates}), used when a program that
 * requires an agreement has no template of its own. Seeded with our default at start for the organizations without
 * one, for each organization created later, and on first read (an organization written without the event, as tests
 * and imports do). Safe on several nodes: the primary key lets one insert win, the other is ignored.
 */
@Component
public class DefaultTemplates {

    private static final Logger log = LoggerFactory.getLogger(DefaultTemplates.class);

    private final JdbcTemplate jdbc;
    private final AgreementTemplates templates;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DefaultTemplates(JdbcTemplate jdbc, AgreementTemplates templates, PlatformTransactionManager transactions,
                     Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.transaction = new TransactionTemplate(transactions);
        // Its own transaction: a reader may be inside a read-only one.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedExisting() {
        List<UUID> missing = jdbc.queryForList("select o.id from organizations o where not exists "
                + "(select 1 from hold_harmless_templates t where t.organization_id = o.id)", UUID.class);
        missing.forEach(this::seed);
        if (!missing.isEmpty()) {
            log.info("Seeded the default hold-harmless template into {} organization(s)", missing.size());
        }
    }

    @ApplicationModuleListener
    void on(OrganizationCreated created) {
        seed(created.organizationId());
    }

    /** The organization's default template, seeding ours first when it has none. */
    public String of(UUID organizationId) {
        List<String> found = read(organizationId);
        if (found.isEmpty()) {
            seed(organizationId);
            found = read(organizationId);
        }
        return found.isEmpty() ? templates.defaultTemplate() : found.getFirst();
    }

    /** Replaces the organization's default template (already checked by the caller). */
    public void save(UUID organizationId, String templateHtml, UUID by) {
        seed(organizationId);
        jdbc.update("update hold_harmless_templates set template_html = ?, updated_at = ?, updated_by = ?"
                + " where organization_id = ?", templateHtml, Timestamp.from(clock.instant()), by, organizationId);
    }

    private List<String> read(UUID organizationId) {
        return jdbc.queryForList("select template_html from hold_harmless_templates where organization_id = ?",
                String.class, organizationId);
    }

    /** Inserts our default for the organization unless it has a template; a concurrent insert wins quietly. */
    void seed(UUID organizationId) {
        try {
            transaction.executeWithoutResult(status -> jdbc.update("insert into hold_harmless_templates"
                    + " (organization_id, template_html, updated_at) select ?, ?, ? where not exists"
                    + " (select 1 from hold_harmless_templates where organization_id = ?) and exists"
                    + " (select 1 from organizations where id = ?)", organizationId, templates.defaultTemplate(),
                    Timestamp.from(clock.instant()), organizationId, organizationId));
        } catch (DuplicateKeyException raced) {
            log.debug("The default hold-harmless template of {} was seeded concurrently", organizationId);
        }
    }
}
