package app.covenant.insurance.access;

import app.covenant.shared.security.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Insurance records as other modules show them next to their own rows: whether a caller sees a certificate, and
 * the names around certificates and brokers — one query per set of ids, never one per row, so that no other
 * module reads insurance's tables. The names are of ids the caller already holds legitimately (from its own
 * records); visibility of a certificate itself is asked with {@link #sees}.
 */
@Component
public class InsuranceNames {

    /** The project and sub a certificate is for. */
    public record CertificateNames(UUID coiId, UUID projectId, String projectName, UUID subId, String subName) {
    }

    // Keeps an IN list well under every database's limit on bound parameters.
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    InsuranceNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code caller} sees certificate {@code coiId} ({@link InsuranceViewer}); else it answers 404. */
    @Transactional(readOnly = true)
    public boolean sees(Caller caller, UUID coiId) {
        SqlPredicate visible = new InsuranceViewer(caller).cois("c");
        List<Object> args = new ArrayList<>(List.of(coiId));
        args.addAll(visible.args());
        Integer seen = jdbc.queryForObject("select count(*) from insurance_cois c where c.id = ? and " + visible.sql(),
                Integer.class, args.toArray());
        return seen != null && seen > 0;
    }

    /** Project and sub of each certificate of {@code coiIds} that exists, by certificate id. */
    @Transactional(readOnly = true)
    public Map<UUID, CertificateNames> certificates(Collection<UUID> coiIds) {
        Map<UUID, CertificateNames> found = new HashMap<>();
        for (List<UUID> chunk : chunks(coiIds)) {
            jdbc.query("select c.id, c.project_id, p.name as project_name, c.sub_id, s.name as sub_name"
                            + " from insurance_cois c join insurance_projects p on p.id = c.project_id"
                            + " join insurance_contractors s on s.id = c.sub_id where c.id in (" + marks(chunk) + ")",
                    rs -> {
                        UUID id = rs.getObject("id", UUID.class);
                        found.put(id, new CertificateNames(id, rs.getObject("project_id", UUID.class),
                                rs.getString("project_name"), rs.getObject("sub_id", UUID.class),
                                rs.getString("sub_name")));
                    }, chunk.toArray());
        }
        return found;
    }

    /** The name of each broker of {@code brokerIds} that exists, by broker id. */
    @Transactional(readOnly = true)
    public Map<UUID, String> brokers(Collection<UUID> brokerIds) {
        Map<UUID, String> found = new HashMap<>();
        for (List<UUID> chunk : chunks(brokerIds)) {
            jdbc.query("select b.id, b.name from insurance_brokers b where b.id in (" + marks(chunk) + ")",
                    rs -> {
                        found.put(rs.getObject("id", UUID.class), rs.getString("name"));
                    }, chunk.toArray());
        }
        return found;
    }

    private static List<List<UUID>> chunks(Collection<UUID> ids) {
        List<UUID> distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        List<List<UUID>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String marks(List<UUID> ids) {
        return String.join(",", Collections.nCopies(ids.size(), "?"));
    }
}
