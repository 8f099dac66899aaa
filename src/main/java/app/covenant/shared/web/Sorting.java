package app.covenant.shared.web;

import app.covenant.shared.problem.ProblemException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Keeps a list's {@code sort=} to the columns an endpoint allows, so no one orders by a secret column;
 * any other key is the client's mistake ({@code 400}), never a query error.
 */
public final class Sorting {

    private Sorting() {
    }

    public static Pageable only(Pageable pageable, Set<String> allowed, Sort fallback) {
        pageable.getSort().stream().map(Sort.Order::getProperty).filter(property -> !allowed.contains(property))
                .findFirst().ifPresent(unknown -> {
                    throw ProblemException.invalid("sort", "cannot sort by '" + unknown + "'; sort by one of "
                            + String.join(", ", new TreeSet<>(allowed)));
                });
        Sort sort = pageable.getSort();
        return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort.isSorted() ? sort : fallback);
    }
}
