package app.covenant.insurance.certificates;

import static app.covenant.insurance.CoiStatus.ACTIVE;
import static app.covenant.insurance.CoiStatus.AWAITING_ADMIN_REVIEW;
import static app.covenant.insurance.CoiStatus.AWAITING_BROKER_INFO;
import static app.covenant.insurance.CoiStatus.AWAITING_BROKER_SIGNATURE;
import static app.covenant.insurance.CoiStatus.AWAITING_BROKER_UPLOAD;
import static app.covenant.insurance.CoiStatus.DEFICIENCY_PENDING;
import static app.covenant.insurance.CoiStatus.EXPIRED;

import app.covenant.insurance.CoiStatus;
import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may take which action on a certificate they can see, in which state. Checked in this order: the permission
 * (the endpoint's {@code @PreAuthorize}), then the state ({@code 409}, naming the current status), then the
 * caller's part in it ({@code 403}): the organization's insurance staff (holders of {@code insurance:all}), the
 * sub's people, the GC's people, the brokers named on it. The same rules answer {@code allowedActions}.
 */
final class CoiRules {

    /** The caller's relationship to one certificate. */
    record Relation(Caller caller, boolean staff, boolean sub, boolean gc, Set<String> brokerLines) {

        boolean broker() {
            return !brokerLines.isEmpty();
        }

        /** A per-policy broker (not the global one, nor staff, nor the sub's own people) writes only their lines. */
        boolean limitedToOwnLines() {
            return broker() && !brokerLines.contains("GLOBAL") && !staff && !sub;
        }

        static Relation of(Caller caller, boolean sub, boolean gc, Set<String> brokerLines) {
            return new Relation(caller, new InsuranceViewer(caller).seesAllOfOrganization(), sub, gc, brokerLines);
        }
    }

    private CoiRules() {
    }

    /**
     * The states in which an action can be allowed at all, for anyone — a superset of what {@link #check} accepts
     * (it alone decides); a certificate in any other state is refused that action without asking.
     */
    private static final Map<CoiAction, Set<CoiStatus>> POSSIBLE_IN = possibleIn();

    private static Map<CoiAction, Set<CoiStatus>> possibleIn() {
        Map<CoiAction, Set<CoiStatus>> states = new EnumMap<>(CoiAction.class);
        states.put(CoiAction.BROKER_INFO, EnumSet.of(AWAITING_BROKER_INFO, AWAITING_BROKER_UPLOAD));
        states.put(CoiAction.USE_MASTER_CERTIFICATE, EnumSet.of(AWAITING_BROKER_INFO, AWAITING_BROKER_UPLOAD));
        states.put(CoiAction.UPLOAD_DOCUMENT, EnumSet.of(AWAITING_BROKER_INFO, AWAITING_BROKER_UPLOAD, DEFICIENCY_PENDING));
        states.put(CoiAction.EDIT_POLICIES, EnumSet.of(AWAITING_BROKER_INFO, AWAITING_BROKER_UPLOAD, DEFICIENCY_PENDING,
                AWAITING_ADMIN_REVIEW));
        states.put(CoiAction.SUBMIT_UPLOAD, EnumSet.of(AWAITING_BROKER_UPLOAD));
        states.put(CoiAction.SIGN, EnumSet.of(AWAITING_BROKER_SIGNATURE));
        states.put(CoiAction.REVIEW, EnumSet.of(AWAITING_ADMIN_REVIEW));
        states.put(CoiAction.OVERRIDE_FINDING, EnumSet.of(AWAITING_ADMIN_REVIEW));
        states.put(CoiAction.RESUBMIT, EnumSet.of(DEFICIENCY_PENDING));
        states.put(CoiAction.RENEW, EnumSet.of(ACTIVE, EXPIRED));
        for (CoiAction action : CoiAction.values()) {
            if (!states.containsKey(action)) {
                throw new IllegalStateException("No states listed for " + action);
            }
        }
        return states;
    }

    static Set<CoiAction> allowed(Coi coi, Relation who, LocalDate today) {
        Set<CoiAction> actions = EnumSet.noneOf(CoiAction.class);
        for (CoiAction action : CoiAction.values()) {
            if (!POSSIBLE_IN.get(action).contains(coi.status())) {
                // Never possible in this state: skip the check, whose refusal is an exception (lists ask 11 × 20 times).
                continue;
            }
            try {
                check(action, coi, who, today);
                actions.add(action);
            } catch (ProblemException refused) {
                // not now, or not this caller's part
            }
        }
        return actions;
    }

    static void check(CoiAction action, Coi coi, Relation who, LocalDate today) {
        Caller caller = who.caller();
        switch (action) {
            case BROKER_INFO -> {
                permission(caller, "coi:broker-info");
                coi.require("take broker information", AWAITING_BROKER_INFO, AWAITING_BROKER_UPLOAD);
                party(who.staff() || who.sub(), "Only the subcontractor's people or the insurance staff name its brokers.");
            }
            case USE_MASTER_CERTIFICATE -> {
                permission(caller, "coi:broker-info");
                coi.require("use the master certificate", AWAITING_BROKER_INFO, AWAITING_BROKER_UPLOAD);
                party(who.staff() || who.sub(), "Only the subcontractor's people or the insurance staff may reuse its "
                        + "master certificate.");
            }
            case UPLOAD_DOCUMENT -> {
                permission(caller, "coi:upload");
                if (who.staff()) {
                    coi.require("take uploads", AWAITING_BROKER_INFO, AWAITING_BROKER_UPLOAD, DEFICIENCY_PENDING);
                } else {
                    coi.require("take uploads", AWAITING_BROKER_UPLOAD, DEFICIENCY_PENDING);
                }
                uploader(who);
            }
            case EDIT_POLICIES -> {
                if (coi.status() == AWAITING_ADMIN_REVIEW) {
                    permission(caller, "coi:review");
                    party(who.staff(), "Only a reviewer of the organization confirms the policies under review.");
                } else {
                    permission(caller, "coi:upload");
                    if (who.staff()) {
                        coi.require("take policy details", AWAITING_BROKER_INFO, AWAITING_BROKER_UPLOAD,
                                DEFICIENCY_PENDING, AWAITING_ADMIN_REVIEW);
                    } else {
                        coi.require("take policy details", AWAITING_BROKER_UPLOAD, DEFICIENCY_PENDING);
                    }
                    uploader(who);
                }
            }
            case SUBMIT_UPLOAD -> {
                permission(caller, "coi:upload");
                coi.require("be submitted for signature", AWAITING_BROKER_UPLOAD);
                uploader(who);
            }
            case SIGN -> {
                permission(caller, "coi:attest");
                coi.require("be signed", AWAITING_BROKER_SIGNATURE);
                party(who.broker(), "Only a broker named on this certificate attests it.");
            }
            case REVIEW, OVERRIDE_FINDING -> {
                permission(caller, "coi:review");
                coi.require(action == CoiAction.REVIEW ? "be reviewed" : "take finding overrides", AWAITING_ADMIN_REVIEW);
                party(who.staff(), "Only a reviewer of the organization reviews certificates.");
            }
            case RESUBMIT -> {
                permission(caller, "coi:upload");
                coi.require("be resubmitted", DEFICIENCY_PENDING);
                uploader(who);
            }
            case RENEW -> {
                permission(caller, "coi:request");
                coi.require("be renewed", ACTIVE, EXPIRED);
                coi.requireRenewable(today);
                party(who.staff() || who.gc(), "Only the general contractor's people or the insurance staff request a "
                        + "renewal.");
            }
        }
    }

    private static void uploader(Relation who) {
        party(who.staff() || who.sub() || who.broker(), "Only a broker named on this certificate, the subcontractor's "
                + "people or the insurance staff upload to it.");
    }

    private static void permission(Caller caller, String permission) {
        if (!caller.has(permission)) {
            throw ProblemException.forbidden("This needs the permission " + permission + ".");
        }
    }

    private static void party(boolean allowed, String why) {
        if (!allowed) {
            throw ProblemException.forbidden(why);
        }
    }
}
