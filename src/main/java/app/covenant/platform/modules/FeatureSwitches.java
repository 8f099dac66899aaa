package app.covenant.platform.modules;

import java.util.UUID;

/**
 * Whether an organization has switched a declared {@link FeatureFlag} on. Any module may inject it;
 * identity implements it over the organizations' settings.
 */
public interface FeatureSwitches {

    /**
     * @throws IllegalArgumentException when no module declares {@code key} (a programming error, not bad input)
     */
    boolean isOn(UUID organizationId, String key);
}
