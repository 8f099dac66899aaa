package app.covenant.platform.ui;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.autoconfigure.web.DataWebProperties;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The one page-size rule of list pages: a handler takes a {@link Pageable} parameter, so {@code page}
 * and {@code size} are read by Spring Data with the configured default and maximum
 * ({@code spring.data.web.pageable}: 20 and 100) and checked by the platform's {@code PageableLimits};
 * the page then keeps that page and size in its own order — a page's order is not the browser's choice.
 * A form that failed re-renders its list at {@link #firstPage()}. The fragment
 * {@code fragments/components :: pagination} links with the same {@code page} and {@code size}.
 */
@Component
public class PageRequests {

    private static final int FALLBACK_SIZE = 20;

    private final int defaultSize;

    public PageRequests(ObjectProvider<DataWebProperties> properties) {
        DataWebProperties configured = properties.getIfAvailable();
        this.defaultSize = configured == null ? FALLBACK_SIZE : configured.getPageable().getDefaultPageSize();
    }

    /** The requested page and size, in {@code order}. */
    public static Pageable inOrder(Pageable requested, Sort order) {
        return PageRequest.of(requested.getPageNumber(), requested.getPageSize(), order);
    }

    /** The requested page and size, in the order the query itself defines. */
    public static Pageable unsorted(Pageable requested) {
        return PageRequest.of(requested.getPageNumber(), requested.getPageSize());
    }

    /** The first page at the configured size, for a list shown again under a form that was refused. */
    public Pageable firstPage() {
        return PageRequest.of(0, defaultSize);
    }
}
