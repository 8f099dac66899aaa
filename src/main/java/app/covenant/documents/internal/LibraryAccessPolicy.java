package app.covenant.documents.internal;

import app.covenant.documents.DocumentAccessPolicy;
import app.covenant.documents.DocumentOwner;
import app.covenant.shared.security.Caller;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The organization's document library: readable by holders of {@code document:read} in that organization. */
@Component
class LibraryAccessPolicy implements DocumentAccessPolicy {

    @Override
    public String ownerModule() {
        return DocumentOwner.LIBRARY;
    }

    @Override
    public boolean canRead(Caller caller, UUID ownerRecordId) {
        return caller.has("document:read") && caller.organizationId().equals(ownerRecordId);
    }
}
