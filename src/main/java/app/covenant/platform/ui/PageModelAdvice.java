package app.covenant.platform.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's model holds from the start: {@code errors}, empty until a controller puts the
 * refusal of a post there, and {@code flash}, the sentence a module declared for the {@code ?done=} key
 * of the redirect that brought the browser here (or {@code null}).
 */
@ControllerAdvice
class PageModelAdvice {

    private final FlashCatalogue flashes;

    PageModelAdvice(FlashCatalogue flashes) {
        this.flashes = flashes;
    }

    @ModelAttribute("errors")
    FormErrors errors() {
        return FormErrors.none();
    }

    /** From the query string of a GET only: reading parameters would parse (and use up) a posted body. */
    @ModelAttribute("flash")
    String flash(HttpServletRequest request) {
        String query = request.getQueryString();
        if (!"GET".equals(request.getMethod()) || query == null || !query.contains("done=")) {
            return null;
        }
        return flashes.message(UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst("done"));
    }
}
