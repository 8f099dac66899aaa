package app.covenant.contracts.templates;

import java.util.Map;
import java.util.UUID;

/**
 * The template library as the rest of the contracts module uses it: a template's current version, and filling it
 * for a new contract. A template is available to an organization when it is global or enabled for it, and active.
 */
public interface ContractTemplates {

    /**
     * The latest version of a template available to the organization.
     *
     * @throws app.covenant.shared.problem.ProblemException 404 when unknown or not available to the organization,
     *                                                      409 when it is no longer active
     */
    TemplateSnapshot current(UUID organizationId, UUID templateId);

    /**
     * The template's latest version with every {@code {{KEY}}} of body and annexures replaced by its value, HTML-escaped.
     * Values are checked by the variable's type (number, date {@code yyyy-MM-dd}, money as a decimal string, choice
     * among its choices); a missing value takes the variable's default.
     *
     * @throws app.covenant.shared.problem.ProblemException 400 naming each bad or missing required value as field
     *                                                      {@code variables.KEY}; 404 / 409 as {@link #current}
     */
    FilledTemplate fill(UUID organizationId, UUID templateId, Map<String, String> values);

    /**
     * One given version of a template filled as {@link #fill(UUID, UUID, Map)} fills the latest: what an existing
     * contract is refilled from when its values change, so later edits of the template never reach it. A retired
     * template still fills at its version (the contract was made from it while it was active); a template no longer
     * available to the organization does not.
     *
     * @throws app.covenant.shared.problem.ProblemException 400 as {@link #fill(UUID, UUID, Map)}; 404 as
     *                                                      {@link #version}
     */
    FilledTemplate fill(UUID organizationId, UUID templateId, int version, Map<String, String> values);

    /**
     * One version of a template available to the organization, retired or not: what a contract drafted from it
     * was made from. Later edits never change it.
     *
     * @throws app.covenant.shared.problem.ProblemException 404 when the template is unknown or not available to
     *                                                      the organization, or has no such version
     */
    TemplateSnapshot version(UUID organizationId, UUID templateId, int version);
}
