package app.covenant.identity.internal;

import app.covenant.platform.modules.FeatureFlag;
import app.covenant.platform.modules.FeatureSwitches;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feature flags the modules declare ({@link FeatureFlag} beans), per organization in
 * {@code organization_features}; a flag without a row is off. Rows of flags no module declares any more
 * are ignored (and left alone, so a flag that comes back keeps its setting).
 */
@Component
public class FeatureFlags implements FeatureSwitches {

    private final JdbcTemplate jdbc;
    private final Map<String, FeatureFlag> declared = new LinkedHashMap<>();

    FeatureFlags(JdbcTemplate jdbc, ObjectProvider<FeatureFlag> flags) {
        this.jdbc = jdbc;
        flags.orderedStream().forEach(flag -> {
            if (declared.putIfAbsent(flag.key(), flag) != null) {
                throw new IllegalStateException("The feature flag " + flag.key()
                        + " is declared twice (FeatureFlag beans): each flag belongs to one module");
            }
        });
    }

    /** Every declared flag, in declaration order. */
    public List<FeatureFlag> declared() {
        return List.copyOf(declared.values());
    }

    public Optional<FeatureFlag> find(String key) {
        return Optional.ofNullable(declared.get(key));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isOn(UUID organizationId, String key) {
        if (!declared.containsKey(key)) {
            throw new IllegalArgumentException("No module declares the feature flag " + key
                    + " (declared: " + declared.keySet() + ")");
        }
        return Boolean.TRUE.equals(jdbc.query(
                "select enabled from organization_features where organization_id = ? and feature = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, organizationId, key));
    }

    /** Key → on, for every declared flag. */
    @Transactional(readOnly = true)
    public Map<String, Boolean> of(UUID organizationId) {
        return ofAll(List.of(organizationId)).get(organizationId);
    }

    /** The flags of several organizations in one query (lists and the organization switcher). */
    @Transactional(readOnly = true)
    public Map<UUID, Map<String, Boolean>> ofAll(Collection<UUID> organizationIds) {
        Map<UUID, Map<String, Boolean>> flags = new HashMap<>();
        for (UUID id : organizationIds) {
            Map<String, Boolean> off = new LinkedHashMap<>();
            declared.keySet().forEach(key -> off.put(key, false));
            flags.put(id, off);
        }
        if (!organizationIds.isEmpty() && !declared.isEmpty()) {
            String placeholders = String.join(",", Collections.nCopies(organizationIds.size(), "?"));
            jdbc.query("select organization_id, feature, enabled from organization_features where organization_id in ("
                    + placeholders + ")", rs -> {
                Map<String, Boolean> values = flags.get(rs.getObject(1, UUID.class));
                if (values.containsKey(rs.getString(2))) {
                    values.put(rs.getString(2), rs.getBoolean(3));
                }
            }, organizationIds.toArray());
        }
        return flags;
    }

    @Transactional
    void set(UUID organizationId, String key, boolean enabled) {
        int updated = jdbc.update("update organization_features set enabled = ? where organization_id = ? and feature = ?",
                enabled, organizationId, key);
        if (updated == 0) {
            jdbc.update("insert into organization_features (organization_id, feature, enabled) values (?, ?, ?)",
                    organizationId, key, enabled);
        }
    }
}
