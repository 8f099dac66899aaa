/** Facts about contracts that other modules may react to (past tense records). */
@org.springframework.modulith.NamedInterface("events")
package app.covenant.contracts.events;
