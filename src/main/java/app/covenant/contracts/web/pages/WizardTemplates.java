package app.covenant.contracts.web.pages;

import app.covenant.contracts.templates.ContractTemplateLibrary;
import app.covenant.contracts.templates.TemplateFilter;
import app.covenant.contracts.templates.TemplateSummary;
import app.covenant.contracts.templates.TemplateVariable;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** The templates the wizard offers: the organization's active library, each with the variables of its latest version. */
@Component
class WizardTemplates {

    /** A library larger than this is a search's job, not a page of cards. */
    static final int MAX = 60;

    private final ContractTemplateLibrary library;

    WizardTemplates(ContractTemplateLibrary library) {
        this.library = library;
    }

    /** A template card of the wizard and the inputs of its variables. */
    record WizardTemplate(TemplateSummary summary, List<TemplateVariable> variables) {
    }

    List<WizardTemplate> of(Caller caller) {
        List<WizardTemplate> templates = new ArrayList<>();
        for (TemplateSummary summary : library.list(caller, new TemplateFilter(null, null, true),
                PageRequest.of(0, MAX)).getContent()) {
            try {
                templates.add(new WizardTemplate(summary,
                        library.current(caller.organizationId(), summary.id()).variables()));
            } catch (ProblemException retiredMeanwhile) {
                // retired or withdrawn between the two reads: not offered
            }
        }
        return templates;
    }
}
