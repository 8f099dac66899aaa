package app.covenant.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.TestTenants;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Every approval transition of CLM.md "States" (legal and illegal) by role, through the API: for each action, each
 * starting state (built through the API on a fresh contract owned by the tenant's USER) and each role, the answer
 * (200; 403 the caller lacks the permission or, while escalated, is not the head of legal; 404 the contract is
 * invisible to them; 409 illegal in this state) and the contract's status afterwards (the new one on success, else
 * unchanged). One tenant for the class, so sign-ins are reused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransitionsByRoleTest extends ContractTestSupport {

    /** The callers, in the order of {@link #TABLE}'s code columns. */
    enum Role {
        OWNER, OTHER_USER, LEGAL_MANAGER, LEGAL_HEAD, FINANCE_MANAGER, ADMIN
    }

    enum Action {
        SUBMIT, APPROVE, REQUEST_REVISION, REJECT, RETURN, ESCALATE, CANCEL
    }

    /**
     * A starting point: the contract's status and, for the decisions, the approval acted on (type and round).
     * FINANCE_TOO_EARLY is SENT_TO_LEGAL acting on the round's finance approval; OLD_ROUND is SENT_TO_LEGAL in round 2
     * acting on round 1's (closed) legal approval.
     */
    enum Start {
        DRAFT("DRAFT", null, 0),
        SENT_TO_LEGAL("SENT_TO_LEGAL", "LEGAL", 1),
        FINANCE_TOO_EARLY("SENT_TO_LEGAL", "FINANCE", 1),
        PENDING_LEGAL_HEAD("PENDING_LEGAL_HEAD", "LEGAL", 1),
        SENT_TO_FINANCE("SENT_TO_FINANCE", "FINANCE", 1),
        REVISION_REQUESTED("REVISION_REQUESTED", "LEGAL", 1),
        APPROVED("APPROVED", "LEGAL", 1),
        REJECTED("REJECTED", "LEGAL", 1),
        CANCELLED("CANCELLED", "LEGAL", 1),
        OLD_ROUND("SENT_TO_LEGAL", "LEGAL", 1);

        final String status;
        final String approvalType;
        final int round;

        Start(String status, String approvalType, int round) {
            this.status = status;
            this.approvalType = approvalType;
            this.round = round;
        }
    }

    /** One line of the table: the codes for OWNER, OTHER_USER, LEGAL_MANAGER, LEGAL_HEAD, FINANCE_MANAGER, ADMIN. */
    record Line(Action action, Start start, String codes, String statusOnSuccess) {
    }

    private static final String OK_SUBMIT = "200 404 200 200 403 200";
    private static final String NO_SUBMIT = "409 404 409 409 403 409";
    private static final String STALE_DECISION = "403 403 409 409 403 409";
    private static final String STALE_HEAD_ONLY = "403 403 403 409 403 409";

    /**
     * The expected behaviour, from CLM.md "States" and the default roles (PRODUCT.md; ContractsDeclarations: USER
     * creates and reads its own; LEGAL_MANAGER legal:act, terminate, read-all; LEGAL_HEAD also legal:head and reject;
     * FINANCE_MANAGER finance:act and read-all; ADMIN every permission). The approval endpoints are closed by
     * permission before visibility, so a USER who is not the owner gets 403 there, not 404.
     */
    private static final List<Line> TABLE = List.of(
            // Submit: DRAFT / REVISION_REQUESTED only; the owner, or legal (contract:create + approval:legal:act).
            new Line(Action.SUBMIT, Start.DRAFT, OK_SUBMIT, "SENT_TO_LEGAL"),
            new Line(Action.SUBMIT, Start.SENT_TO_LEGAL, NO_SUBMIT, null),
            new Line(Action.SUBMIT, Start.PENDING_LEGAL_HEAD, NO_SUBMIT, null),
            new Line(Action.SUBMIT, Start.SENT_TO_FINANCE, NO_SUBMIT, null),
            new Line(Action.SUBMIT, Start.REVISION_REQUESTED, OK_SUBMIT, "SENT_TO_LEGAL"),
            new Line(Action.SUBMIT, Start.APPROVED, NO_SUBMIT, null),
            new Line(Action.SUBMIT, Start.REJECTED, NO_SUBMIT, null),
            new Line(Action.SUBMIT, Start.CANCELLED, NO_SUBMIT, null),

            // Approve: legal's with approval:legal:act (escalated: approval:legal:head only), finance's with
            // approval:finance:act once SENT_TO_FINANCE.
            new Line(Action.APPROVE, Start.SENT_TO_LEGAL, "403 403 200 200 403 200", "APPROVED"),
            new Line(Action.APPROVE, Start.FINANCE_TOO_EARLY, "403 403 403 403 409 409", null),
            new Line(Action.APPROVE, Start.PENDING_LEGAL_HEAD, "403 403 403 200 403 200", "APPROVED"),
            new Line(Action.APPROVE, Start.SENT_TO_FINANCE, "403 403 403 403 200 200", "APPROVED"),
            new Line(Action.APPROVE, Start.REVISION_REQUESTED, STALE_DECISION, null),
            new Line(Action.APPROVE, Start.APPROVED, STALE_DECISION, null),
            new Line(Action.APPROVE, Start.REJECTED, STALE_DECISION, null),
            new Line(Action.APPROVE, Start.CANCELLED, STALE_DECISION, null),
            new Line(Action.APPROVE, Start.OLD_ROUND, STALE_DECISION, null),

            // Request revision: the same deciders as approving, from any review state.
            new Line(Action.REQUEST_REVISION, Start.SENT_TO_LEGAL, "403 403 200 200 403 200", "REVISION_REQUESTED"),
            new Line(Action.REQUEST_REVISION, Start.FINANCE_TOO_EARLY, "403 403 403 403 409 409", null),
            new Line(Action.REQUEST_REVISION, Start.PENDING_LEGAL_HEAD, "403 403 403 200 403 200",
                    "REVISION_REQUESTED"),
            new Line(Action.REQUEST_REVISION, Start.SENT_TO_FINANCE, "403 403 403 403 200 200", "REVISION_REQUESTED"),
            new Line(Action.REQUEST_REVISION, Start.REVISION_REQUESTED, STALE_DECISION, null),
            new Line(Action.REQUEST_REVISION, Start.APPROVED, STALE_DECISION, null),
            new Line(Action.REQUEST_REVISION, Start.REJECTED, STALE_DECISION, null),
            new Line(Action.REQUEST_REVISION, Start.CANCELLED, STALE_DECISION, null),
            new Line(Action.REQUEST_REVISION, Start.OLD_ROUND, STALE_DECISION, null),

            // Reject: approval:reject (LEGAL_HEAD, ADMIN), the approval the contract waits for, any review state.
            new Line(Action.REJECT, Start.SENT_TO_LEGAL, "403 403 403 200 403 200", "REJECTED"),
            new Line(Action.REJECT, Start.FINANCE_TOO_EARLY, STALE_HEAD_ONLY, null),
            new Line(Action.REJECT, Start.PENDING_LEGAL_HEAD, "403 403 403 200 403 200", "REJECTED"),
            new Line(Action.REJECT, Start.SENT_TO_FINANCE, "403 403 403 200 403 200", "REJECTED"),
            new Line(Action.REJECT, Start.REVISION_REQUESTED, STALE_HEAD_ONLY, null),
            new Line(Action.REJECT, Start.APPROVED, STALE_HEAD_ONLY, null),
            new Line(Action.REJECT, Start.REJECTED, STALE_HEAD_ONLY, null),
            new Line(Action.REJECT, Start.CANCELLED, STALE_HEAD_ONLY, null),
            new Line(Action.REJECT, Start.OLD_ROUND, STALE_HEAD_ONLY, null),

            // Return to legal: approval:legal:head, an escalated (open) legal approval only.
            new Line(Action.RETURN, Start.SENT_TO_LEGAL, STALE_HEAD_ONLY, null),
            new Line(Action.RETURN, Start.FINANCE_TOO_EARLY, STALE_HEAD_ONLY, null),
            new Line(Action.RETURN, Start.PENDING_LEGAL_HEAD, "403 403 403 200 403 200", "SENT_TO_LEGAL"),
            new Line(Action.RETURN, Start.SENT_TO_FINANCE, STALE_HEAD_ONLY, null),
            new Line(Action.RETURN, Start.REVISION_REQUESTED, STALE_HEAD_ONLY, null),
            new Line(Action.RETURN, Start.APPROVED, STALE_HEAD_ONLY, null),
            new Line(Action.RETURN, Start.REJECTED, STALE_HEAD_ONLY, null),
            new Line(Action.RETURN, Start.CANCELLED, STALE_HEAD_ONLY, null),
            new Line(Action.RETURN, Start.OLD_ROUND, STALE_HEAD_ONLY, null),

            // Escalate: approval:legal:act, a pending legal approval (SENT_TO_LEGAL) only.
            new Line(Action.ESCALATE, Start.DRAFT, STALE_DECISION, null),
            new Line(Action.ESCALATE, Start.SENT_TO_LEGAL, "403 403 200 200 403 200", "PENDING_LEGAL_HEAD"),
            new Line(Action.ESCALATE, Start.PENDING_LEGAL_HEAD, STALE_DECISION, null),
            new Line(Action.ESCALATE, Start.SENT_TO_FINANCE, STALE_DECISION, null),
            new Line(Action.ESCALATE, Start.REVISION_REQUESTED, STALE_DECISION, null),
            new Line(Action.ESCALATE, Start.APPROVED, STALE_DECISION, null),
            new Line(Action.ESCALATE, Start.REJECTED, STALE_DECISION, null),
            new Line(Action.ESCALATE, Start.CANCELLED, STALE_DECISION, null),

            // Cancel: the owner or contract:terminate, from any state before ACTIVE except the ends.
            new Line(Action.CANCEL, Start.DRAFT, "200 404 200 200 403 200", "CANCELLED"),
            new Line(Action.CANCEL, Start.SENT_TO_LEGAL, "200 404 200 200 403 200", "CANCELLED"),
            new Line(Action.CANCEL, Start.PENDING_LEGAL_HEAD, "200 404 200 200 403 200", "CANCELLED"),
            new Line(Action.CANCEL, Start.SENT_TO_FINANCE, "200 404 200 200 403 200", "CANCELLED"),
            new Line(Action.CANCEL, Start.REVISION_REQUESTED, "200 404 200 200 403 200", "CANCELLED"),
            new Line(Action.CANCEL, Start.APPROVED, "200 404 200 200 403 200", "CANCELLED"),
            new Line(Action.CANCEL, Start.REJECTED, "409 404 409 409 403 409", null),
            new Line(Action.CANCEL, Start.CANCELLED, "409 404 409 409 403 409", null));

    private String otherUser;

    @BeforeAll
    void oneTenant() {
        newTenant();
        otherUser = "other_user@" + tenant.code().toLowerCase(Locale.ROOT) + ".test";
        TestTenants.addUser(jdbcTemplate, tenant, otherUser, "USER");
    }

    Stream<Arguments> lines() {
        return TABLE.stream().map(line -> Arguments.of(line.action(), line.start(), line));
    }

    /**
     * One line, every role. A refusal changes nothing (asserted), so the refusals all try the same contract first;
     * each success then needs a contract in the starting state of its own (the first one takes the tried contract).
     */
    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("lines")
    void transition(Action action, Start start, Line line) {
        Map<Role, Integer> expected = codes(line);
        SoftAssertions soft = new SoftAssertions();
        UUID contract = driveTo(start);
        for (Role role : Role.values()) {
            if (expected.get(role) != 200) {
                ResponseEntity<JsonNode> answer = act(action, start, contract, role);
                soft.assertThat(answer.getStatusCode().value()).as("%s %s from %s: %s", role, action, start,
                        answer.getBody()).isEqualTo(expected.get(role));
                soft.assertThat(status(contract)).as("status after %s %s from %s", role, action, start)
                        .isEqualTo(start.status);
            }
        }
        boolean triedContractUsed = false;
        for (Role role : Role.values()) {
            if (expected.get(role) == 200) {
                UUID fresh = triedContractUsed ? driveTo(start) : contract;
                triedContractUsed = true;
                ResponseEntity<JsonNode> answer = act(action, start, fresh, role);
                soft.assertThat(answer.getStatusCode().value()).as("%s %s from %s: %s", role, action, start,
                        answer.getBody()).isEqualTo(200);
                soft.assertThat(status(fresh)).as("status after %s %s from %s", role, action, start)
                        .isEqualTo(line.statusOnSuccess());
            }
        }
        soft.assertAll();
    }

    /** The table covers every action from every state it names, for every role, and nothing twice. */
    @Test
    void theTableIsComplete() {
        assertThat(TABLE.stream().map(l -> l.action() + " " + l.start()).distinct().count()).isEqualTo(TABLE.size());
        for (Action action : Action.values()) {
            assertThat(TABLE.stream().filter(l -> l.action() == action).map(Line::start)
                    .map(s -> s.status).distinct())
                    .as(action.name())
                    .containsAll(List.of("SENT_TO_LEGAL", "PENDING_LEGAL_HEAD", "SENT_TO_FINANCE", "REVISION_REQUESTED",
                            "APPROVED", "REJECTED", "CANCELLED"));
        }
        for (Line line : TABLE) {
            Map<Role, Integer> codes = codes(line);
            assertThat(codes).as(line.toString()).hasSize(Role.values().length);
            assertThat(line.statusOnSuccess() == null).as("a success needs its status: %s", line)
                    .isEqualTo(!codes.containsValue(200));
        }
    }

    private static Map<Role, Integer> codes(Line line) {
        String[] codes = line.codes().split(" ");
        Map<Role, Integer> byRole = new EnumMap<>(Role.class);
        for (int i = 0; i < Math.min(codes.length, Role.values().length); i++) {
            byRole.put(Role.values()[i], Integer.parseInt(codes[i]));
        }
        if (codes.length != Role.values().length) {
            throw new IllegalStateException("one code per role: " + line);
        }
        return byRole;
    }

    private ResponseEntity<JsonNode> act(Action action, Start start, UUID contract, Role role) {
        UUID approval = start.approvalType == null ? null : approval(contract, start.round, start.approvalType);
        return post(path(action, contract, approval), body(action), token(login(role)));
    }

    private String login(Role role) {
        return switch (role) {
            case OWNER -> "USER";
            case OTHER_USER -> otherUser;
            default -> role.name();
        };
    }

    private static String path(Action action, UUID contract, UUID approval) {
        return switch (action) {
            case SUBMIT -> "/api/v1/contracts/" + contract + "/submit";
            case CANCEL -> "/api/v1/contracts/" + contract + "/cancel";
            case ESCALATE -> "/api/v1/approvals/contracts/" + contract + "/escalate";
            case APPROVE -> "/api/v1/approvals/" + approval + "/approve";
            case REQUEST_REVISION -> "/api/v1/approvals/" + approval + "/request-revision";
            case REJECT -> "/api/v1/approvals/" + approval + "/reject";
            case RETURN -> "/api/v1/approvals/" + approval + "/return";
        };
    }

    private static Map<String, Object> body(Action action) {
        return switch (action) {
            case SUBMIT -> Map.of();
            case CANCEL -> Map.of("reason", "No longer needed by the business");
            case ESCALATE -> Map.of("reason", "Unlimited liability clause");
            case APPROVE, REQUEST_REVISION, REJECT, RETURN -> comment("Checked against the playbook");
        };
    }

    /** A fresh contract owned by the tenant's USER, driven through the API to {@code start}. */
    private UUID driveTo(Start start) {
        UUID contract = id(draft("USER", "Transitions " + start));
        String submit = "/api/v1/contracts/" + contract + "/submit";
        switch (start) {
            case DRAFT -> {
            }
            case SENT_TO_LEGAL -> step(submit, Map.of(), "USER");
            case FINANCE_TOO_EARLY -> step(submit, Map.of("target", "FINANCE"), "USER");
            case PENDING_LEGAL_HEAD -> {
                step(submit, Map.of(), "USER");
                step("/api/v1/approvals/contracts/" + contract + "/escalate", Map.of("reason", "Needs the head"),
                        "LEGAL_MANAGER");
            }
            case SENT_TO_FINANCE -> {
                step(submit, Map.of("target", "FINANCE"), "USER");
                step(decision(contract, "approve"), Map.of(), "LEGAL_MANAGER");
            }
            case REVISION_REQUESTED -> {
                step(submit, Map.of(), "USER");
                step(decision(contract, "request-revision"), comment("Please change clause 9"), "LEGAL_MANAGER");
            }
            case APPROVED -> {
                step(submit, Map.of(), "USER");
                step(decision(contract, "approve"), Map.of(), "LEGAL_MANAGER");
            }
            case REJECTED -> {
                step(submit, Map.of(), "USER");
                step(decision(contract, "reject"), comment("Not a deal we can sign"), "LEGAL_HEAD");
            }
            case CANCELLED -> {
                step(submit, Map.of(), "USER");
                step("/api/v1/contracts/" + contract + "/cancel", Map.of("reason", "Withdrawn"), "USER");
            }
            case OLD_ROUND -> {
                step(submit, Map.of(), "USER");
                step(decision(contract, "request-revision"), comment("Please change clause 9"), "LEGAL_MANAGER");
                step(submit, Map.of(), "USER");
            }
        }
        assertThat(status(contract)).as("driven to %s", start).isEqualTo(start.status);
        return contract;
    }

    private String decision(UUID contract, String verb) {
        return "/api/v1/approvals/" + approval(contract, 1, "LEGAL") + "/" + verb;
    }

    private void step(String path, Map<String, Object> body, String role) {
        ResponseEntity<JsonNode> answer = post(path, body, token(role));
        if (answer.getStatusCode().value() != 200) {
            throw new AssertionError("setting up, " + role + " " + path + ": " + answer.getStatusCode() + " "
                    + answer.getBody());
        }
    }
}
