package app.covenant.holdharmless.web;

import app.covenant.holdharmless.HoldHarmless;
import app.covenant.holdharmless.HoldHarmlessAgreements;
import app.covenant.insurance.pages.CertificatePageSection;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * "Hold-harmless agreement" on a certificate's page: the agreement's status and dates, a link to its page, and "Sign
 * now" when it is the caller's turn. Nothing when the certificate has no agreement or the caller may not read it.
 */
@Component
class HoldHarmlessCertificateSection implements CertificatePageSection {

    private final HoldHarmlessAgreements agreements;

    HoldHarmlessCertificateSection(HoldHarmlessAgreements agreements) {
        this.agreements = agreements;
    }

    @Override
    public Optional<Section> sectionFor(Caller caller, UUID coiId) {
        if (!caller.has(HoldHarmlessAgreements.READ)) {
            return Optional.empty();
        }
        HoldHarmless agreement;
        try {
            agreement = agreements.forCertificate(caller, coiId);
        } catch (ProblemException noneOrNotVisible) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("agreement", agreement);
        model.put("myTurn", agreements.turnOf(caller, agreement).isPresent());
        return Optional.of(new Section("holdharmless/certificate-section", model));
    }
}
