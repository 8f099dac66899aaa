package app.covenant.documents.internal;

import app.covenant.documents.DocumentOwner;
import app.covenant.documents.DocumentView;
import app.covenant.shared.persistence.LikePatterns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code documents} table: one row per stored version; a deleted document keeps its rows with {@code deleted_at}. */
@Repository
class DocumentRows {

    private static final String COLUMNS = "id, chain_id, version, latest, organization_id, owner_module, "
            + "owner_record_id, original_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at";

    /** A row with its storage key, which never leaves this module. */
    record Row(DocumentView view, String storageKey) {
    }

    private final JdbcTemplate jdbc;

    DocumentRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID chainId, int version, UUID previousId, DocumentOwner owner, StagedContent content,
                String name, UUID uploadedBy, Instant uploadedAt) {
        jdbc.update("insert into documents (id, chain_id, version, previous_version_id, latest, organization_id, "
                        + "owner_module, owner_record_id, original_name, content_type, size_bytes, sha256, storage_key, "
                        + "uploaded_by, uploaded_at) values (?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, chainId, version, previousId, owner.organizationId(), owner.module(), owner.recordId(),
                name, content.contentType(), content.sizeBytes(), content.sha256(), content.storageKey(), uploadedBy,
                Timestamp.from(uploadedAt));
    }

    Optional<Row> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from documents where id = ? and deleted_at is null", DocumentRows::row,
                id).stream().findFirst();
    }

    /** The newest version of the chain, locked until the transaction ends (so two new versions queue up). */
    Optional<Row> lockLatest(UUID chainId) {
        return jdbc.query("select " + COLUMNS + " from documents where chain_id = ? and latest = true "
                + "and deleted_at is null for update", DocumentRows::row, chainId).stream().findFirst();
    }

    void supersede(UUID id) {
        jdbc.update("update documents set latest = false where id = ?", id);
    }

    List<DocumentView> versions(UUID chainId) {
        return jdbc.query("select " + COLUMNS + " from documents where chain_id = ? and deleted_at is null "
                + "order by version", (rs, i) -> row(rs, i).view(), chainId);
    }

    int deleteChain(UUID chainId, Instant at) {
        return jdbc.update("update documents set deleted_at = ? where chain_id = ? and deleted_at is null",
                Timestamp.from(at), chainId);
    }

    /** The newest versions of the owner's documents, newest upload first, optionally by part of the name. */
    Page<DocumentView> latestOf(String ownerModule, UUID ownerRecordId, UUID organizationId, String nameContains,
                                Pageable pageable) {
        List<Object> args = new ArrayList<>(List.of(organizationId, ownerModule, ownerRecordId));
        String where = "organization_id = ? and owner_module = ? and owner_record_id = ? and latest = true "
                + "and deleted_at is null";
        if (nameContains != null && !nameContains.isBlank()) {
            where += " and lower(original_name) like ? escape '\\'";
            args.add(LikePatterns.containing(nameContains));
        }
        Long total = jdbc.queryForObject("select count(*) from documents where " + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<DocumentView> content = jdbc.query("select " + COLUMNS + " from documents where " + where
                + " order by uploaded_at desc, id limit ? offset ?", (rs, i) -> row(rs, i).view(), pageArgs.toArray());
        return new PageImpl<>(content, pageable, total == null ? 0 : total);
    }

    private static Row row(ResultSet rs, int index) throws SQLException {
        return new Row(new DocumentView(rs.getObject("id", UUID.class), rs.getObject("chain_id", UUID.class),
                rs.getInt("version"), rs.getBoolean("latest"), rs.getObject("organization_id", UUID.class),
                rs.getString("owner_module"), rs.getObject("owner_record_id", UUID.class), rs.getString("original_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getObject("uploaded_by", UUID.class), rs.getTimestamp("uploaded_at").toInstant()),
                rs.getString("storage_key"));
    }
}
