package app.covenant.contracts.web;

import app.covenant.contracts.ApprovalType;
import app.covenant.contracts.ContractDetails;
import app.covenant.contracts.templates.Annexure;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The JSON bodies of the contracts API. Every field is optional at binding so that a caller without the permission is
 * refused (403) before anything about the body is looked at; the services check the content (400 naming the field).
 */
final class ContractRequests {

    private ContractRequests() {
    }

    /** API.md: {@code {"templateId","title","counterpartyName","counterpartyEmail","startDate","endDate","amount","variables"}} and more. */
    record Create(UUID templateId, String title, String counterpartyName, String counterpartyBusinessName,
                  String counterpartyEmail, LocalDate startDate, LocalDate endDate,
                  @JsonDeserialize(using = AmountReader.class) String amount, String currency,
                  String description, Boolean autoRenew, Integer renewalPeriodMonths, Integer noticePeriodDays,
                  @JsonDeserialize(contentUsing = VariableValueReader.class) Map<String, String> variables) {

        ContractDetails details() {
            return new ContractDetails(title, counterpartyName, counterpartyBusinessName, counterpartyEmail, startDate,
                    endDate, amount, currency, description, autoRenew, renewalPeriodMonths, noticePeriodDays);
        }
    }

    /** An edit: the details (all of them, as on creation), optionally body, annexures, variables; {@code version}. */
    record Edit(String title, String counterpartyName, String counterpartyBusinessName, String counterpartyEmail,
                LocalDate startDate, LocalDate endDate, @JsonDeserialize(using = AmountReader.class) String amount,
                String currency, String description,
                Boolean autoRenew, Integer renewalPeriodMonths, Integer noticePeriodDays, String bodyHtml,
                List<Annexure> annexures,
                @JsonDeserialize(contentUsing = VariableValueReader.class) Map<String, String> variables,
                Long version) {

        ContractDetails details() {
            return new ContractDetails(title, counterpartyName, counterpartyBusinessName, counterpartyEmail, startDate,
                    endDate, amount, currency, description, autoRenew, renewalPeriodMonths, noticePeriodDays);
        }
    }

    record Submit(ApprovalType target) {
    }

    record Reason(String reason) {
    }

    record Termination(String reason, LocalDate date) {
    }

    record Share(UUID userId) {
    }

    record Decision(String comment, Boolean requireFinance) {
    }

    record Comment(String comment) {
    }
}
