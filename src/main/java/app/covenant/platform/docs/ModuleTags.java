package app.covenant.platform.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Objects;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * One tag per module, named after its package ({@code app.covenant.identity...} is {@code identity}), so
 * an integrator finds a module's operations together and a new module is tagged without a line of its own.
 */
class ModuleTags implements OpenApiCustomizer {

    /** The application's root package, of which each module is a direct child. */
    private static final String ROOT = "app.covenant.";

    static String moduleOf(Class<?> type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return "other";
        }
        String rest = name.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Lists the tags the operations use, in order, each with a description (the lint asks for both). */
    @Override
    public void customise(OpenAPI openApi) {
        TreeSet<String> modules = new TreeSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().stream()
                    .map(operation -> operation.getTags())
                    .filter(Objects::nonNull)
                    .forEach(modules::addAll));
        }
        openApi.setTags(modules.stream()
                .map(module -> new Tag().name(module).description("The " + module + " module's operations"))
                .toList());
    }
}
