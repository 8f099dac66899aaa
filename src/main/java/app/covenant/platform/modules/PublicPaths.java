package app.covenant.platform.modules;

import java.util.Arrays;
import java.util.List;

/**
 * Path patterns (Spring's {@code PathPattern} syntax, e.g. {@code /health/**}) a module's pages and
 * endpoints answer without sign-in, declared as a bean. The security filter chain lets every declared
 * pattern through; everything else needs a signed-in caller. The endpoints themselves still say
 * {@code @PermitAll}, which the authorization matrix checks.
 */
public record PublicPaths(List<String> patterns) {

    public PublicPaths {
        patterns = List.copyOf(patterns);
        for (String pattern : patterns) {
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("A public path starts with '/': " + pattern);
            }
        }
    }

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(Arrays.asList(patterns));
    }
}
