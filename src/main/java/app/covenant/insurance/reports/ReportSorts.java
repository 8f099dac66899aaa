package app.covenant.insurance.reports;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;

/** A report's {@code order by} from the requested sort, over the columns it allows (checked before by {@code Sorting.only}). */
final class ReportSorts {

    private ReportSorts() {
    }

    /**
     * @param columns the API's field name → the output column it orders by
     * @param prefix  put before each column (an outer query's alias), or empty
     */
    static String orderBy(Sort requested, Map<String, String> columns, Sort fallback, String prefix) {
        Sort sort = requested.isSorted() ? requested : fallback;
        return sort.stream().map(order -> prefix + columns.get(order.getProperty())
                        + (order.isAscending() ? " asc" : " desc"))
                .collect(Collectors.joining(", "));
    }
}
