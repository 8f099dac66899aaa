package app.covenant.contracts.internal;

import app.covenant.contracts.ActivityView;
import app.covenant.contracts.ContractDetails;
import app.covenant.contracts.ContractEdit;
import app.covenant.contracts.ContractFilter;
import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.Contracts;
import app.covenant.contracts.events.ContractCancelled;
import app.covenant.contracts.events.ContractTerminated;
import app.covenant.contracts.internal.ContractLifecycle.Transition;
import app.covenant.identity.Members;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.shared.web.Sorting;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Contracts}: reading, editing, sharing, cancelling and terminating; creation is {@link ContractCreation}'s. */
@Service
class ContractService implements Contracts {

    private static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "title", "reference", "status",
            "endDate", "startDate", "amount", "counterpartyName");

    private final ContractRepository contracts;
    private final ShareRepository shares;
    private final ApprovalRepository approvals;
    private final ContractAccess access;
    private final ContractCreation creation;
    private final ContractEditing editing;
    private final ContractJournal journal;
    private final ContractActivityLog activity;
    private final Members members;
    private final Clock clock;

    ContractService(ContractRepository contracts, ShareRepository shares, ApprovalRepository approvals,
                    ContractAccess access, ContractCreation creation, ContractEditing editing, ContractJournal journal,
                    ContractActivityLog activity, Members members, Clock clock) {
        this.contracts = contracts;
        this.shares = shares;
        this.approvals = approvals;
        this.access = access;
        this.creation = creation;
        this.editing = editing;
        this.journal = journal;
        this.activity = activity;
        this.members = members;
        this.clock = clock;
    }

    @Override
    public ContractView createFromTemplate(Caller caller, UUID templateId, ContractDetails details,
                                           Map<String, String> variables) {
        return creation.fromTemplate(caller, templateId, details, variables);
    }

    @Override
    public ContractView createFromPaper(Caller caller, ContractDetails details, String fileName, InputStream content) {
        return creation.fromPaper(caller, details, fileName, content);
    }

    @Override
    @Transactional(readOnly = true)
    public ContractView find(Caller caller, UUID id) {
        return ContractViews.of(access.visible(caller, id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ContractView> list(Caller caller, ContractFilter filter, Pageable pageable) {
        if (filter.expiringDays() != null && (filter.expiringDays() < 0 || filter.expiringDays() > 3650)) {
            throw ProblemException.invalid("expiringDays", "must be between 0 and 3650");
        }
        Pageable sorted = Sorting.only(pageable, SORTABLE, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        List<UUID> shared = ContractAccess.readsAll(caller) || caller.userId() == null ? List.of()
                : shares.contractIdsSharedWith(caller.userId(), caller.organizationId());
        return contracts.findAll(ContractAccess.listed(caller, filter, today(), shared), sorted)
                .map(ContractViews::of);
    }

    @Override
    @Transactional
    public ContractView update(Caller caller, UUID id, ContractEdit edit) {
        return editing.update(caller, id, edit);
    }

    @Override
    @Transactional
    public List<UUID> share(Caller caller, UUID id, UUID userId) {
        Contract contract = access.visible(caller, id);
        requireOwnerOrReadAll(caller, contract);
        if (userId == null) {
            throw ProblemException.invalid("userId", "must name a member of the organization");
        }
        Members.Member member = members.byIds(contract.organizationId(), List.of(userId)).get(userId);
        if (member == null || !member.active()) {
            throw ProblemException.invalid("userId", "must be an active member of the organization");
        }
        if (!userId.equals(contract.ownerId()) && !shares.existsByContractIdAndUserId(id, userId)) {
            Instant now = clock.instant();
            shares.save(new ContractShare(id, userId, caller.userId(), now));
            journal.record(caller, contract, "contract.shared", member.name(), Map.of(), now, null);
        }
        return sharedWith(id);
    }

    @Override
    @Transactional
    public List<UUID> unshare(Caller caller, UUID id, UUID userId) {
        Contract contract = access.visible(caller, id);
        requireOwnerOrReadAll(caller, contract);
        shares.findById(new ContractShare.Key(id, userId)).ifPresent(share -> {
            shares.delete(share);
            journal.record(caller, contract, "contract.unshared", String.valueOf(userId), Map.of(), clock.instant(),
                    null);
        });
        return sharedWith(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> shares(Caller caller, UUID id) {
        access.visible(caller, id);
        return sharedWith(id);
    }

    @Override
    @Transactional
    public ContractView cancel(Caller caller, UUID id, String reason) {
        Contract contract = access.lockVisible(caller, id);
        if (!contract.ownerId().equals(caller.userId()) && !caller.has(ContractPermissions.TERMINATE)) {
            throw ProblemException.forbidden("Only the contract's owner or someone who may terminate contracts may "
                    + "cancel it.");
        }
        ContractLifecycle.next(contract.status(), Transition.CANCEL);
        String why = required(reason, "reason");
        Instant now = clock.instant();
        Map<String, Object> before = Map.of("status", contract.status().name());
        contract.move(Transition.CANCEL, now);
        contract.cancelled(why);
        approvals.findByContractIdAndRound(id, contract.approvalRound()).forEach(a -> a.close(now));
        journal.record(caller, contract, "contract.cancelled", why, before, now,
                new ContractCancelled(id, contract.organizationId(), why, caller.userId(), now));
        return ContractViews.of(contract);
    }

    @Override
    @Transactional
    public ContractView terminate(Caller caller, UUID id, String reason, LocalDate date) {
        Contract contract = access.lockVisible(caller, id);
        if (!caller.has(ContractPermissions.TERMINATE)) {
            throw ProblemException.forbidden("Terminating a contract needs contract:terminate.");
        }
        ContractLifecycle.next(contract.status(), Transition.TERMINATE);
        String why = required(reason, "reason");
        LocalDate endsOn = date == null ? today() : date;
        Instant now = clock.instant();
        Map<String, Object> before = Map.of("status", contract.status().name());
        contract.move(Transition.TERMINATE, now);
        contract.terminated(why, endsOn);
        journal.record(caller, contract, "contract.terminated", why, before, now,
                new ContractTerminated(id, contract.organizationId(), why, endsOn, caller.userId(), now));
        return ContractViews.of(contract);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ActivityView> activity(Caller caller, UUID id) {
        Contract contract = access.visible(caller, id);
        List<ContractActivityLog.Entry> entries = activity.of(id, caller.has(ContractPermissions.LEGAL_ACT), 500);
        Set<UUID> actors = new HashSet<>();
        entries.forEach(e -> {
            if (e.actorId() != null) {
                actors.add(e.actorId());
            }
        });
        Map<UUID, Members.Member> people = members.byIds(contract.organizationId(), actors);
        return entries.stream().map(e -> new ActivityView(e.id(), e.contractId(), e.actorId(),
                people.containsKey(e.actorId()) ? people.get(e.actorId()).name() : null, e.action(),
                e.detail(), e.at())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean sees(Caller caller, UUID id) {
        return contracts.findById(id).map(contract -> access.sees(caller, contract)).orElse(false);
    }

    private List<UUID> sharedWith(UUID id) {
        return shares.findByContractIdOrderByCreatedAt(id).stream().map(ContractShare::userId).toList();
    }

    private static void requireOwnerOrReadAll(Caller caller, Contract contract) {
        if (!contract.ownerId().equals(caller.userId()) && !ContractAccess.readsAll(caller)) {
            throw ProblemException.forbidden("Only the contract's owner (or someone who sees every contract) may "
                    + "change whom it is shared with.");
        }
    }

    static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
        String stripped = text.strip();
        if (stripped.length() > 2000) {
            throw ProblemException.invalid(field, "must be at most 2000 characters");
        }
        return stripped;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
