package app.covenant.contracts;

import app.covenant.shared.security.Caller;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Contracts as pages, the API and other modules use them. Who sees a contract: holders of {@code contract:read-all}
 * every contract of their (current) organization; everyone else the contracts they own and those shared with them.
 * A contract one does not see answers 404 from every method, before any other check; then 403 (not the owner or the
 * right role), 400 (bad input, nothing changed) and 409 (not in a state that allows it).
 */
public interface Contracts {

    /** Drafts a contract from a template: the template filled with {@code variables}, version 1. */
    ContractView createFromTemplate(Caller caller, UUID templateId, ContractDetails details,
                                    Map<String, String> variables);

    /**
     * Records third-party paper (PDF or DOCX, checked by its bytes): stored through the documents module, its text
     * extracted for search; version 1 is the file. Runs outside any transaction (the upload is staged first).
     */
    ContractView createFromPaper(Caller caller, ContractDetails details, String fileName, InputStream content);

    ContractView find(Caller caller, UUID id);

    Page<ContractView> list(Caller caller, ContractFilter filter, Pageable pageable);

    /** Saves an edit as a new version; only in DRAFT / REVISION_REQUESTED, by the owner or legal. */
    ContractView update(Caller caller, UUID id, ContractEdit edit);

    /** Shares the contract with a member of the organization (by its owner or a holder of contract:read-all). */
    List<UUID> share(Caller caller, UUID id, UUID userId);

    List<UUID> unshare(Caller caller, UUID id, UUID userId);

    List<UUID> shares(Caller caller, UUID id);

    /** Withdraws the contract before it is active: by its owner or a holder of contract:terminate. */
    ContractView cancel(Caller caller, UUID id, String reason);

    /** Ends an ACTIVE contract early, with a reason and the date it ends (contract:terminate). */
    ContractView terminate(Caller caller, UUID id, String reason, LocalDate date);

    /** The contract's activity, newest first; entries for legal only are left out for others. */
    List<ActivityView> activity(Caller caller, UUID id);

    /** Whether the caller sees the contract (the download rule of its documents). */
    boolean sees(Caller caller, UUID id);
}
