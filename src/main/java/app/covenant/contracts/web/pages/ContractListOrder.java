package app.covenant.contracts.web.pages;

import java.util.Arrays;
import org.springframework.data.domain.Sort;

/** The orders the contract list offers (named, so the query string never carries a column name). */
enum ContractListOrder {
    NEWEST("newest", "Newest first", Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("reference"))),
    UPDATED("updated", "Recently changed", Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("reference"))),
    ENDING("ending", "End date, soonest first", Sort.by(Sort.Order.asc("endDate"), Sort.Order.asc("reference"))),
    TITLE("title", "Title, A to Z", Sort.by(Sort.Order.asc("title"), Sort.Order.asc("reference"))),
    AMOUNT("amount", "Amount, largest first", Sort.by(Sort.Order.desc("amount"), Sort.Order.asc("reference"))),
    REFERENCE("reference", "Reference", Sort.by(Sort.Order.asc("reference")));

    private final String key;
    private final String label;
    private final Sort sort;

    ContractListOrder(String key, String label, Sort sort) {
        this.key = key;
        this.label = label;
        this.sort = sort;
    }

    /** The order named {@code key}; newest first for none or an unknown name. */
    static ContractListOrder of(String key) {
        return Arrays.stream(values()).filter(o -> o.key.equalsIgnoreCase(key == null ? "" : key.strip()))
                .findFirst().orElse(NEWEST);
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    Sort sort() {
        return sort;
    }
}
