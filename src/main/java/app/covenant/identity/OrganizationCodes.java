package app.covenant.identity;

import java.util.UUID;

/**
 * An organization's code (upper case, unique: CLM.md "Organizations"), for the modules above identity that print
 * it, such as contract references {@code ORGCODE-YYMM-XXXXXX}.
 */
public interface OrganizationCodes {

    /** @throws IllegalArgumentException for an unknown organization: a programming error */
    String codeOf(UUID organizationId);
}
