package app.covenant.identity.internal;

import app.covenant.identity.Feature;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
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
        return ofAll(List.of(organizationId)).get(organizationId);
    }

    /** The flags of several organizations in one query (lists and the organization switcher). */
    @Transactional(readOnly = true)
    public Map<UUID, Map<String, Boolean>> ofAll(Collection<UUID> organizationIds) {
        Map<UUID, Map<Feature, Boolean>> flags = new HashMap<>();
        for (UUID id : organizationIds) {
            Map<Feature, Boolean> off = new EnumMap<>(Feature.class);
            for (Feature feature : Feature.values()) {
                off.put(feature, false);
            }
            flags.put(id, off);
        }
        if (!organizationIds.isEmpty()) {
            String placeholders = String.join(",", Collections.nCopies(organizationIds.size(), "?"));
            jdbc.query("select organization_id, feature, enabled from organization_features where organization_id in ("
                    + placeholders + ")", rs -> {
                try {
                    flags.get(rs.getObject(1, UUID.class)).put(Feature.valueOf(rs.getString(2)), rs.getBoolean(3));
                } catch (IllegalArgumentException retired) {
                    // A feature removed from the code; its row is ignored.
                }
            }, organizationIds.toArray());
        }
        Map<UUID, Map<String, Boolean>> result = new HashMap<>();
        flags.forEach((id, values) -> {
            Map<String, Boolean> named = new LinkedHashMap<>();
            values.forEach((feature, enabled) -> named.put(feature.name(), enabled));
            result.put(id, named);
        });
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
