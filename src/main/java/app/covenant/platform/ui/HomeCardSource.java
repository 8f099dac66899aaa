package app.covenant.platform.ui;

import app.covenant.shared.security.Caller;
import java.util.List;

/**
 * What a module adds to the home page: a bean of this type in the module's own package, e.g.
 * {@code @Component class CertificatesToReviewHomeCard implements HomeCardSource}. The home page asks every
 * source on each visit, so a source must be cheap — one indexed count — and decide from the caller alone:
 * return nothing when the caller lacks the permission of the page the card links to, and count only rows
 * of {@link Caller#organizationId()} (a platform operator too). Cards with a count of zero are not shown.
 * A source that throws is logged and skipped; the rest of the page still renders.
 */
public interface HomeCardSource {

    /** The cards for {@code caller}, the signed-in person; empty when none applies to them. */
    List<HomeCard> cardsFor(Caller caller);
}
