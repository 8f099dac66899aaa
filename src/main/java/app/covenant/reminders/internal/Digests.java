package app.covenant.reminders.internal;

import app.covenant.reminders.ReminderType;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The texts of a run: each reminder's subject, its recipients, and the digest e-mail of one recipient. */
public final class Digests {

    public static final String TEMPLATE = "reminder-digest";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final int SUBJECT_MAX = 250;
    /** Items listed in one digest e-mail. */
    public static final int DIGEST_ITEMS = 100;

    private Digests() {
    }

    /** Most urgent first: the fewest days before expiry (the most overdue). */
    public static final Comparator<NewReminder> URGENCY =
            Comparator.comparingInt(NewReminder::daysBeforeExpiry).thenComparing(r -> r.coiId().toString());

    /** e.g. {@code [7 Days] URGENT GL policy ABC-1 of Demo Electric (Hudson Yards) expires on 13 December 2026}. */
    public static String subject(NewReminder r) {
        String policy = r.line() + " policy" + (r.policyNumber() == null ? "" : " " + r.policyNumber()) + " of "
                + r.subName() + " (" + r.projectName() + ")";
        String when = r.daysBeforeExpiry() > 0 ? " expires on " + DATE.format(r.expirationDate())
                : r.daysBeforeExpiry() == 0 ? " expires today"
                : " expired on " + DATE.format(r.expirationDate());
        return clip(r.type().subjectPrefix(r.daysBeforeExpiry()) + " " + policy + when);
    }

    /** The reminder's addresses: broker, assigned admin, global admin, sub, extras — lower-cased, each once. */
    public static List<String> recipients(NewReminder r, String globalAdmin, List<String> extras) {
        Set<String> addresses = new LinkedHashSet<>();
        List<String> candidates = new ArrayList<>(List.of(nullToEmpty(r.brokerEmail()), nullToEmpty(r.adminEmail()),
                nullToEmpty(globalAdmin), nullToEmpty(r.subEmail())));
        candidates.addAll(extras);
        for (String address : candidates) {
            String clean = address.strip().toLowerCase(Locale.ROOT);
            if (!clean.isEmpty()) {
                addresses.add(clean);
            }
        }
        return List.copyOf(addresses);
    }

    /** The addresses as stored in {@code sent_to} (comma-separated, at most 2000 characters: whole addresses only). */
    public static String sentTo(List<String> addresses) {
        StringBuilder stored = new StringBuilder();
        for (String address : addresses) {
            if (stored.length() + address.length() + 1 > 2000) {
                break;
            }
            stored.append(stored.isEmpty() ? "" : ",").append(address);
        }
        return stored.toString();
    }

    /** The digest subject: the most urgent reminder's prefix and how many policies it lists. */
    public static String digestSubject(List<NewReminder> reminders) {
        NewReminder first = reminders.stream().min(URGENCY).orElseThrow();
        if (reminders.size() == 1) {
            return subject(first);
        }
        ReminderType type = first.type();
        return clip(type.subjectPrefix(first.daysBeforeExpiry()) + " " + reminders.size()
                + " insurance policies need renewal");
    }

    /**
     * The model of {@code reminder-digest}: one item per reminder, most urgent first, at most {@link #DIGEST_ITEMS}
     * (the heading counts them all; the link opens the full list). Without the cap a global admin's first digest
     * listed every policy of the organization: hundreds of thousands of items rendered into one e-mail.
     */
    public static Map<String, Object> model(List<NewReminder> reminders) {
        List<Map<String, Object>> items = new ArrayList<>();
        reminders.stream().sorted(URGENCY).limit(DIGEST_ITEMS).forEach(r -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("subject", subject(r));
            item.put("projectName", r.projectName());
            item.put("subcontractorName", r.subName());
            item.put("line", r.line());
            item.put("policyNumber", r.policyNumber() == null ? "" : r.policyNumber());
            item.put("expirationDate", DATE.format(r.expirationDate()));
            item.put("certificatePath", "/insurance/certificates/" + r.coiId());
            item.put("acknowledgePath", "/reminders/" + r.id() + "/acknowledge");
            items.add(item);
        });
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("heading", reminders.size() == 1 ? "An insurance policy needs renewal"
                : reminders.size() + " insurance policies need renewal");
        model.put("items", items);
        model.put("link", "/reminders");
        return model;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String clip(String subject) {
        return subject.length() > SUBJECT_MAX ? subject.substring(0, SUBJECT_MAX) : subject;
    }
}
