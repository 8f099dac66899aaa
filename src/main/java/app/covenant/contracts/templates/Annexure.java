package app.covenant.contracts.templates;

/** One annexure ("Part B") of a template or a contract: a title and sanitised HTML. */
public record Annexure(String title, String html) {
}
