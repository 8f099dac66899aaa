package app.covenant.contracts;

import app.covenant.contracts.templates.Annexure;
import java.util.List;
import java.util.Map;

/**
 * An edit (PUT): the details, and optionally a new body, annexures and variable values (null keeps what the contract
 * has; HTML is cleaned by the allow-list). {@code expectedVersion}, when given, must equal the contract's
 * {@link ContractView#version()} (else 409: someone saved in between).
 */
public record ContractEdit(ContractDetails details, String bodyHtml, List<Annexure> annexures,
                           Map<String, String> variables, Long expectedVersion) {
}
