package app.covenant.insurance.certificates;

import app.covenant.identity.Members;
import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * E-mails, through the outbox and in the transition's transaction, the people who must act on a certificate
 * next (or who should know it moved), each with the link to the certificate's page. Who they are:
 * the sub (its linked users and its contact address), the named broker(s), the GC's linked users, and the
 * reviewers (members holding {@code coi:review} and the certificate's assigned admin). One message per address.
 */
@Component
class CoiNotifier {

    static final String TEMPLATE = "coi-action";

    enum Party { SUB, BROKERS, GC, REVIEWERS }

    /** What the e-mail says; {@code deficiencies} are listed when not empty. */
    record Message(String subject, String heading, String text, String actionLabel, List<String> deficiencies,
                   String notes) {

        Message(String subject, String heading, String text, String actionLabel) {
            this(subject, heading, text, actionLabel, List.of(), null);
        }
    }

    private final EmailOutbox outbox;
    private final Members members;
    private final PartyRecords parties;
    private final CoiRows rows;

    CoiNotifier(EmailOutbox outbox, Members members, PartyRecords parties, CoiRows rows) {
        this.outbox = outbox;
        this.members = members;
        this.parties = parties;
        this.rows = rows;
    }

    /** Sends {@code message} about {@code coi} to every address of {@code to}, each once. */
    void send(Coi coi, Message message, Party... to) {
        Set<String> addresses = new LinkedHashSet<>();
        for (Party party : to) {
            addresses.addAll(addresses(coi, party));
        }
        if (addresses.isEmpty()) {
            return;
        }
        String projectName = parties.project(coi.projectId()).map(PartyRecords.Project::name).orElse("");
        String subName = parties.contractor(coi.subId()).map(PartyRecords.Contractor::name).orElse("");
        Map<String, Object> model = new HashMap<>();
        model.put("heading", message.heading());
        model.put("message", message.text());
        model.put("projectName", projectName);
        model.put("subcontractorName", subName);
        model.put("statusLabel", label(coi.status().name()));
        model.put("actionLabel", message.actionLabel());
        model.put("link", "/insurance/certificates/" + coi.getId());
        model.put("deficiencies", message.deficiencies());
        model.put("notes", message.notes());
        String subject = message.subject() + " — " + subName + ", " + projectName;
        for (String address : addresses) {
            outbox.enqueue(new OutgoingEmail(address, subject.length() > 250 ? subject.substring(0, 250) : subject,
                    TEMPLATE, model, coi.organizationId()));
        }
    }

    List<String> addresses(Coi coi, Party party) {
        List<String> found = new ArrayList<>();
        switch (party) {
            case SUB -> {
                found.addAll(memberAddresses(coi.organizationId(), parties.linkedUsers(coi.subId())));
                parties.contractor(coi.subId()).map(PartyRecords.Contractor::contactEmail).ifPresent(found::add);
            }
            case BROKERS -> rows.brokers(coi.getId()).forEach(broker -> found.add(broker.email()));
            case GC -> found.addAll(memberAddresses(coi.organizationId(), parties.linkedUsers(coi.gcId())));
            case REVIEWERS -> {
                members.holding(coi.organizationId(), "coi:review").forEach(member -> found.add(member.email()));
                if (coi.assignedAdminEmail() != null) {
                    found.add(coi.assignedAdminEmail());
                }
            }
        }
        return found.stream().filter(a -> a != null && !a.isBlank()).map(a -> a.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    private List<String> memberAddresses(UUID organizationId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return members.byIds(organizationId, userIds).values().stream().filter(Members.Member::active)
                .map(Members.Member::email).toList();
    }

    /** AWAITING_BROKER_UPLOAD → "awaiting broker upload". */
    static String label(String status) {
        return status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
