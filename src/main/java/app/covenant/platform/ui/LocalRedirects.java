package app.covenant.platform.ui;

import java.util.regex.Pattern;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Redirects to addresses that came from the browser ({@code next}, the page to return to). Only a plain
 * path on this site is honoured — anything that could leave it ({@code https://…}, {@code //host},
 * {@code /\host}, control characters) falls back to the home page, so a link cannot bounce a freshly
 * signed-in user to a look-alike site.
 */
public final class LocalRedirects {

    private static final Pattern SAFE_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@/%?]*");
    private static final Pattern ID_SEGMENT = Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(/.*)?$");

    private LocalRedirects() {
    }

    /** {@code next} when it is a local path, else {@code /}. Sign-in pages are never a destination. */
    public static String localPath(String next) {
        if (next == null || next.length() > 2000 || !SAFE_PATH.matcher(next).matches()) {
            return "/";
        }
        String path = next.split("\\?", 2)[0];
        if (path.equals("/login") || path.equals("/logout")) {
            return "/";
        }
        return next;
    }

    /**
     * Where to land after switching organization: the same page, but a record of the previous organization
     * would only answer 404 there, so a path that names one by id goes back to its list.
     */
    public static String afterSwitch(String next) {
        String path = localPath(next).split("\\?", 2)[0];
        String trimmed = ID_SEGMENT.matcher(path).replaceFirst("");
        return trimmed.isEmpty() ? "/" : trimmed;
    }

    /** A 303 to a local path, taken literally (no template expansion, no model in the query). */
    public static RedirectView to(String localPath) {
        RedirectView view = new RedirectView(localPath, true);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        view.setHttp10Compatible(false);
        return view;
    }
}
