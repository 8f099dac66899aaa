package app.covenant.platform.ui;

import java.util.Objects;

/**
 * One card of the home page: how many things of one kind wait for the signed-in person, and where they
 * are. A module contributes cards through a {@link HomeCardSource}; the home page shows only cards whose
 * count is above zero, most urgent first, then the largest count.
 *
 * @param title   what the things are, e.g. "Invitations awaiting acceptance"
 * @param count   how many there are (never negative)
 * @param summary one line saying what to do about them
 * @param href    the page that lists them, on this site
 * @param icon    name of an icon in {@code fragments/components.html :: icon}
 * @param urgency how soon the person should look
 */
public record HomeCard(String title, long count, String summary, String href, String icon, Urgency urgency) {

    public HomeCard {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(urgency, "urgency");
        if (count < 0) {
            throw new IllegalArgumentException("A card counts things: " + count);
        }
        if (!href.startsWith("/") || href.startsWith("//")) {
            throw new IllegalArgumentException("Home cards link to this site: " + href);
        }
    }

    /** How soon someone should look, most urgent first; the home page orders cards by it. */
    public enum Urgency {
        /** Something is stuck until this person acts (an e-mail that was given up). */
        ACTION_NEEDED,
        /** Worth a look soon (unread notifications, invitations not yet accepted). */
        ATTENTION,
        /** Good to know (what was uploaded lately). */
        INFO
    }
}
