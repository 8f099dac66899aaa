package app.covenant.insurance.pages;

import app.covenant.shared.security.Caller;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A section another module adds to a certificate's page (e.g. reminders' "Renewal reminders"), so insurance shows
 * it without depending on that module. The page renders {@code template :: section} with {@code model} as
 * {@code section}; the implementation decides who sees it (the certificate itself is already visible to the caller).
 */
public interface CertificatePageSection {

    /** The section for this caller and certificate, or empty when there is nothing for them. */
    Optional<Section> sectionFor(Caller caller, UUID coiId);

    /** A Thymeleaf template holding a fragment named {@code section}, and the values it reads. */
    record Section(String template, Map<String, Object> model) {

        public Section {
            if (!template.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
                throw new IllegalArgumentException("A section's template is a plain template name: " + template);
            }
            model = Map.copyOf(model);
        }
    }
}
