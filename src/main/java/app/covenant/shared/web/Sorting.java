package app.covenant.shared.web;

import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Keeps a list's {@code sort=} to the columns an endpoint allows, so no one orders by a secret column. */
public final class Sorting {

    private Sorting() {
    }

    public static Pageable only(Pageable pageable, Set<String> allowed, Sort fallback) {
        Sort sort = Sort.by(pageable.getSort().stream().filter(order -> allowed.contains(order.getProperty())).toList());
        return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort.isSorted() ? sort : fallback);
    }
}
