package app.covenant.insurance.certificates.web;

import app.covenant.insurance.certificates.CoiAction;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentences of the certificate pages: whose turn a certificate is in each status, what happens next, and
 * the one call to action of a row for a caller who may act on it (from {@code allowedActions}: the workflow's
 * rules decide, these only name the step).
 */
final class CoiTurns {

    /** A row's call to action: its label and where on the certificate it leads. */
    record CallToAction(String label, String anchor) {
    }

    private static final Map<String, String> WAITING = Map.of(
            "AWAITING_BROKER_INFO", "Waiting for the sub to name a broker",
            "AWAITING_BROKER_UPLOAD", "Waiting for the broker's upload",
            "AWAITING_BROKER_SIGNATURE", "Waiting for the broker's attestation",
            "AWAITING_ADMIN_REVIEW", "Waiting for the insurance staff's review",
            "DEFICIENCY_PENDING", "Waiting for the deficiencies to be fixed",
            "ACTIVE", "In force: nothing to do",
            "EXPIRED", "Expired: a renewal is needed");

    private static final Map<String, String> NEXT = Map.of(
            "AWAITING_BROKER_INFO", "The subcontractor names its insurance broker (one for every policy, or one per policy).",
            "AWAITING_BROKER_UPLOAD", "The broker uploads the ACORD 25, enters the policy details and attests them.",
            "AWAITING_BROKER_SIGNATURE", "The named broker checks the uploaded certificate and attests it.",
            "AWAITING_ADMIN_REVIEW", "The insurance staff review the certificate against the project's requirements.",
            "DEFICIENCY_PENDING", "The broker or the subcontractor starts the correction, fixes the deficiencies below and submits again.",
            "ACTIVE", "The certificate is in force; a renewal is requested when a policy nears its expiration.",
            "EXPIRED", "A policy expired: the general contractor or the insurance staff request the renewal.");

    /** In order of urgency: the first one the caller may take is the row's call to action. */
    private static final List<Map.Entry<CoiAction, CallToAction>> ACTIONS = List.of(
            Map.entry(CoiAction.SIGN, new CallToAction("Review and attest", "#attest")),
            Map.entry(CoiAction.SUBMIT_UPLOAD, new CallToAction("Upload the certificate", "#upload")),
            Map.entry(CoiAction.BROKER_INFO, new CallToAction("Name your broker", "#brokers-form")),
            Map.entry(CoiAction.REVIEW, new CallToAction("Review", "/review")),
            Map.entry(CoiAction.RESUBMIT, new CallToAction("Fix and resubmit", "#deficiencies")),
            Map.entry(CoiAction.RENEW, new CallToAction("Renew", "#renew")));

    private CoiTurns() {
    }

    static String waiting(String status) {
        return WAITING.getOrDefault(status, status);
    }

    static String next(String status) {
        return NEXT.getOrDefault(status, "");
    }

    /** The caller's call to action on a certificate, or null when it is not their turn. */
    static CallToAction callToAction(Set<CoiAction> allowed) {
        return ACTIONS.stream().filter(e -> allowed.contains(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }
}
