package app.covenant.contracts.templates;

/** Filters of the library; each {@code null} for none. {@code q} matches name, code and description. */
public record TemplateFilter(TemplateCategory category, String q, Boolean active) {

    public static final TemplateFilter NONE = new TemplateFilter(null, null, null);
}
