package app.covenant.contracts.web.pages;

import app.covenant.contracts.ContractDetails;
import app.covenant.contracts.ContractEdit;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.templates.Annexure;
import app.covenant.shared.problem.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;

/**
 * The edit page's fields as typed (a refused save shows them again): the details, the body and the annexures (titles
 * and HTML posted in order, {@code annexureTitle} / {@code annexureHtml}), and the version the page was opened at,
 * so a save over someone else's answers 409 instead of overwriting it.
 */
record ContractEditForm(String title, String counterpartyName, String counterpartyBusinessName,
                        String counterpartyEmail, String startDate, String endDate, String amount, String currency,
                        String description, boolean autoRenew, String renewalPeriodMonths, String noticePeriodDays,
                        String bodyHtml, List<Annexure> annexures, String version) {

    static ContractEditForm of(ContractView contract) {
        return new ContractEditForm(contract.title(), contract.counterpartyName(), contract.counterpartyBusinessName(),
                contract.counterpartyEmail(), text(contract.startDate()), text(contract.endDate()), contract.amount(),
                contract.currency(), contract.description(), contract.autoRenew(),
                text(contract.renewalPeriodMonths()), text(contract.noticePeriodDays()), contract.bodyHtml(),
                contract.annexures() == null ? List.of() : contract.annexures(), Long.toString(contract.version()));
    }

    static ContractEditForm of(MultiValueMap<String, String> params) {
        List<String> titles = params.getOrDefault("annexureTitle", List.of());
        List<String> bodies = params.getOrDefault("annexureHtml", List.of());
        List<Annexure> annexures = new ArrayList<>();
        for (int i = 0; i < Math.max(titles.size(), bodies.size()); i++) {
            String title = i < titles.size() ? titles.get(i) : "";
            String html = i < bodies.size() ? bodies.get(i) : "";
            if (!(title == null || title.isBlank()) || !(html == null || html.isBlank())) {
                annexures.add(new Annexure(title, html));
            }
        }
        String autoRenew = params.getFirst("autoRenew");
        return new ContractEditForm(params.getFirst("title"), params.getFirst("counterpartyName"),
                params.getFirst("counterpartyBusinessName"), params.getFirst("counterpartyEmail"),
                params.getFirst("startDate"), params.getFirst("endDate"), params.getFirst("amount"),
                params.getFirst("currency"), params.getFirst("description"),
                "true".equals(autoRenew) || "on".equals(autoRenew), params.getFirst("renewalPeriodMonths"),
                params.getFirst("noticePeriodDays"), params.getFirst("bodyHtml"), List.copyOf(annexures),
                params.getFirst("version"));
    }

    /** The edit as the service takes it; dates and numbers that do not read as such go to {@code errors}. */
    ContractEdit edit(List<FieldError> errors) {
        ContractDetails details = new ContractDetails(title, counterpartyName, counterpartyBusinessName,
                counterpartyEmail, ContractWizardForm.date(startDate, "startDate", errors),
                ContractWizardForm.date(endDate, "endDate", errors), amount, currency, description, autoRenew,
                ContractWizardForm.integer(renewalPeriodMonths, "renewalPeriodMonths", errors),
                ContractWizardForm.integer(noticePeriodDays, "noticePeriodDays", errors));
        Long expected = null;
        if (version != null && !version.isBlank()) {
            try {
                expected = Long.valueOf(version.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("version", "must be the version the page was opened at"));
            }
        }
        return new ContractEdit(details, bodyHtml == null ? "" : bodyHtml, annexures, null, expected);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
