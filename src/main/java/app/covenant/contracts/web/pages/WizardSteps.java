package app.covenant.contracts.web.pages;

import app.covenant.platform.ui.FormErrors;
import java.util.Set;

/** Which step of the new-contract wizard a refused post comes back at: the first one with a problem. */
final class WizardSteps {

    static final int SOURCE = 1;
    static final int DETAILS = 2;
    static final int VARIABLES = 3;
    static final int REVIEW = 4;

    private static final Set<String> SOURCE_FIELDS = Set.of("source", "templateId", "file");

    private WizardSteps() {
    }

    static int firstWith(FormErrors errors, boolean paper) {
        if (errors.fields().isEmpty()) {
            // A refusal about the whole upload (a file that is no PDF or DOCX) concerns the first step.
            return paper ? SOURCE : REVIEW;
        }
        int step = REVIEW;
        for (String field : errors.fields().keySet()) {
            step = Math.min(step, SOURCE_FIELDS.contains(field) ? SOURCE
                    : field.startsWith("variables.") ? VARIABLES : DETAILS);
        }
        return step;
    }
}
