package app.covenant.holdharmless.internal;

import app.covenant.documents.DocumentAccessPolicy;
import app.covenant.holdharmless.HoldHarmlessAgreements;
import app.covenant.shared.security.Caller;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** A generated agreement PDF (owned by its agreement) downloads for whoever sees the agreement. */
@Component
class AgreementDocuments implements DocumentAccessPolicy {

    private final HoldHarmlessAgreements agreements;

    AgreementDocuments(@Lazy HoldHarmlessAgreements agreements) {
        this.agreements = agreements;
    }

    @Override
    public String ownerModule() {
        return AgreementGeneration.OWNER_MODULE;
    }

    @Override
    public boolean canRead(Caller caller, UUID ownerRecordId) {
        return caller.has(HoldHarmlessAgreements.READ) && agreements.sees(caller, ownerRecordId);
    }
}
