package app.covenant.reminders.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The digest e-mail of one recipient: its subject and the model of {@code reminder-digest}. */
public final class Digests {

    public static final String TEMPLATE = "reminder-digest";
    /**
     * Items listed in one digest e-mail; the heading counts them all and the link opens the full list. Without the
     * cap a global admin's first digest listed every policy of the organization.
     */
    public static final int DIGEST_ITEMS = 100;
    private static final int SUBJECT_MAX = 250;

    private Digests() {
    }

    /**
     * One reminder: its own subject; more: the most urgent one's prefix and the count, e.g.
     * {@code [2 Days] CRITICAL 3 insurance policies need renewal}. {@code lines} come most urgent first.
     */
    public static String subject(List<DigestLine> lines) {
        DigestLine first = lines.getFirst();
        if (first.total() == 1) {
            return first.subject();
        }
        String subject = first.type().subjectPrefix(first.daysBeforeExpiry()) + " " + first.total()
                + " insurance policies need renewal";
        return subject.length() > SUBJECT_MAX ? subject.substring(0, SUBJECT_MAX) : subject;
    }

    /** The template's model: a heading with the count, one item per listed reminder, the link to the full list. */
    public static Map<String, Object> model(List<DigestLine> lines) {
        List<Map<String, Object>> items = new ArrayList<>(lines.size());
        for (DigestLine line : lines) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("subject", line.subject());
            item.put("certificatePath", "/insurance/certificates/" + line.coiId());
            item.put("acknowledgePath", "/reminders/" + line.reminderId() + "/acknowledge");
            items.add(item);
        }
        long total = lines.getFirst().total();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("heading", total == 1 ? "An insurance policy needs renewal" : total + " insurance policies need renewal");
        model.put("items", items);
        if (total > lines.size()) {
            model.put("more", "… and " + (total - lines.size()) + " more on the reminders page.");
        }
        model.put("link", "/reminders");
        return model;
    }
}
