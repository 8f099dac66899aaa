package app.covenant.insurance.extraction;

import app.covenant.insurance.extraction.Acord25Corpus.Certificate;
import app.covenant.insurance.extraction.Acord25Corpus.Truth;
import app.covenant.insurance.extraction.Acord25Extraction.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Field-level accuracy, counted the same way for every kind of certificate: every field written or read (a field
 * neither written nor read is not counted; a check box by its meaning, text exactly, white space aside), then each
 * coverage line's insurer letter, policy number, dates, AI/WOS marks and limits.
 */
final class Acord25Accuracy {

    private static final Acord25Form FORM = Acord25Form.edition2016();

    private int checked;
    private int right;
    private int certificates;
    private final List<String> misses = new ArrayList<>();

    void add(String name, Certificate certificate, Acord25Extraction extraction) {
        certificates++;
        for (Acord25Form.Field field : FORM.fields()) {
            String written = certificate.values().getOrDefault(field.name(), "");
            var readField = extraction.fields().get(field.name());
            String read = readField == null ? "" : readField.value();
            if (written.isEmpty() && read.isEmpty()) {
                continue;
            }
            boolean same = field.checkbox()
                    ? Objects.equals(Marks.parse(written).value(), Marks.parse(read).value())
                    : written.replaceAll("\\s+", " ").strip().equals(read);
            count(same, name + " " + field.name() + ": [" + written + "] read [" + read + "]");
        }
        for (Truth truth : certificate.policies()) {
            Policy policy = extraction.policies().stream().filter(p -> p.line().equals(truth.line())).findFirst()
                    .orElse(null);
            List<Object> expected = List.of(truth.letter(), truth.policyNumber(), truth.effective(),
                    truth.expiration(), truth.additionalInsured(), truth.waiver(), truth.limits());
            List<Object> actual = policy == null ? List.of() : Arrays.asList(policy.insurerLetter(),
                    policy.policyNumber(), policy.effectiveDate(), policy.expirationDate(),
                    policy.additionalInsured(), policy.waiverOfSubrogation(), policy.limits());
            for (int i = 0; i < expected.size(); i++) {
                boolean same = i < actual.size() && Objects.equals(expected.get(i), actual.get(i));
                count(same, name + " " + truth.line() + " value " + i + ": " + expected.get(i) + " read "
                        + (i < actual.size() ? actual.get(i) : "nothing"));
            }
        }
    }

    private void count(boolean same, String miss) {
        checked++;
        if (same) {
            right++;
        } else {
            misses.add(miss);
        }
    }

    double accuracy() {
        return checked == 0 ? 0 : (double) right / checked;
    }

    /** Prints the figure (and the first misses) and answers it. */
    double report(String kind, String over) {
        System.out.printf("ACORD 25 %s accuracy: %d/%d = %.2f%% over %d %s%n", kind, right, checked,
                accuracy() * 100, certificates, over);
        misses.stream().limit(30).forEach(miss -> System.out.println("  miss " + miss));
        return accuracy();
    }
}
