package app.covenant.contracts.web.pages;

import app.covenant.contracts.ContractStatus;
import app.covenant.contracts.ContractView;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;

/** One row of the contract list, with the owner's name and the amount as people read it ("USD 125,000.00"). */
record ContractListRow(UUID id, String reference, String title, String counterparty, ContractStatus status,
                       String ownerName, LocalDate endDate, String amount) {

    static ContractListRow of(ContractView contract, String ownerName) {
        String counterparty = contract.counterpartyBusinessName() == null || contract.counterpartyBusinessName().isBlank()
                ? contract.counterpartyName() : contract.counterpartyName() + " (" + contract.counterpartyBusinessName() + ")";
        return new ContractListRow(contract.id(), contract.reference(), contract.title(), counterparty,
                contract.status(), ownerName, contract.endDate(), money(contract.amount(), contract.currency()));
    }

    /** {@code null} without an amount. */
    static String money(String amount, String currency) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        int decimals = 2;
        try {
            decimals = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // two decimals, as the service stores them
        }
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(Math.max(decimals, 2));
        return (currency == null ? "" : currency + " ") + format.format(new BigDecimal(amount));
    }
}
