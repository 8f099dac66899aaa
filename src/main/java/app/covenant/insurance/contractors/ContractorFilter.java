package app.covenant.insurance.contractors;

import app.covenant.insurance.InsuranceStatus;
import app.covenant.insurance.compliance.Trades;
import app.covenant.insurance.web.FieldCheck;

/** The list's filters, checked (an unknown value is {@code 400}, not an empty list). */
public record ContractorFilter(ContractorType type, ContractorStatus status, InsuranceStatus insuranceStatus,
                               String tradeKey, String q) {

    public static final ContractorFilter NONE = new ContractorFilter(null, null, null, null, null);

    public static ContractorFilter of(String type, String status, String insuranceStatus, String trade, String q) {
        FieldCheck check = new FieldCheck();
        ContractorFilter filter = new ContractorFilter(check.oneOf("type", type, ContractorType.class),
                check.oneOf("status", status, ContractorStatus.class),
                check.oneOf("insuranceStatus", insuranceStatus, InsuranceStatus.class),
                trade == null || trade.isBlank() ? null : Trades.key(trade),
                q == null || q.isBlank() ? null : q.strip());
        check.throwIfAny();
        return filter;
    }

    public boolean any() {
        return type != null || status != null || insuranceStatus != null || tradeKey != null || q != null;
    }
}
