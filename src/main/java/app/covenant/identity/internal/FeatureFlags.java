package app.covenant.identity.internal;

import app.covenant.identity.Feature;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes {@code organization_features}; a feature without a row is off. */
@Component
public class FeatureFlags {

    private final JdbcTemplate jdbc;

    FeatureFlags(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean isEnabled(UUID organizationId, Feature feature) {
        return Boolean.TRUE.equals(jdbc.query(
                "select enabled from organization_features where organization_id = ? and feature = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, organizationId, feature.name()));
    }

    @Transactional(readOnly = true)
    public Map<String, Boolean> of(UUID organizationId) {
        Map<Feature, Boolean> flags = new EnumMap<>(Feature.class);
        for (Feature feature : Feature.values()) {
            flags.put(feature, false);
        }
        jdbc.query("select feature, enabled from organization_features where organization_id = ?", rs -> {
            try {
                flags.put(Feature.valueOf(rs.getString(1)), rs.getBoolean(2));
            } catch (IllegalArgumentException retired) {
                // A feature removed from the code; its row is ignored.
            }
        }, organizationId);
        Map<String, Boolean> result = new LinkedHashMap<>();
        flags.forEach((feature, enabled) -> result.put(feature.name(), enabled));
        return result;
    }

    @Transactional
    void set(UUID organizationId, Feature feature, boolean enabled) {
        int updated = jdbc.update("update organization_features set enabled = ? where organization_id = ? and feature = ?",
                enabled, organizationId, feature.name());
        if (updated == 0) {
            jdbc.update("insert into organization_features (organization_id, feature, enabled) values (?, ?, ?)",
                    organizationId, feature.name(), enabled);
        }
    }
}
