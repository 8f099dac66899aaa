package app.covenant.reminders.web;

import app.covenant.insurance.pages.CertificatePageSection;
import app.covenant.reminders.Reminders;
import app.covenant.reminders.internal.ReminderDetails;
import app.covenant.shared.security.Caller;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** "Renewal reminders" on a certificate's page: its reminders, newest first, for holders of the history permission. */
@Component
class ReminderCertificateSection implements CertificatePageSection {

    private final Reminders reminders;
    private final ReminderDetails details;

    ReminderCertificateSection(Reminders reminders, ReminderDetails details) {
        this.reminders = reminders;
        this.details = details;
    }

    @Override
    public Optional<Section> sectionFor(Caller caller, UUID coiId) {
        if (!caller.has("reminders:history")) {
            return Optional.empty();
        }
        // The certificate page has already checked the caller sees it; history checks again, in the same SQL terms.
        return Optional.of(new Section("reminders/certificate-section",
                Map.of("rows", details.of(reminders.history(caller, coiId)))));
    }
}
