package app.covenant.documents.pdf;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import java.util.Locale;

/**
 * What a rendered document may load: only {@code data:} URIs, which carry their bytes inline.
 *
 * <p>The markup holds user values, so anything that reaches out (http, file, jar, a relative path
 * resolved against the working directory) could leak data or probe the network from the server.
 * Images and stylesheets a template needs are inlined by the caller instead.
 */
final class ExternalResources {

    private ExternalResources() {
    }

    static boolean allowed(String uri, ExternalResourceType type) {
        return uri != null && uri.strip().toLowerCase(Locale.ROOT).startsWith("data:");
    }
}
