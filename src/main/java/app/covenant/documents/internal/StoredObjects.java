package app.covenant.documents.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code document_objects} ledger: every key is written here, in a transaction of its own that
 * commits before the content is stored. Whatever then happens to the caller's transaction, the content
 * is known, and the cleanup job removes it once no live document row names it.
 */
@Repository
class StoredObjects {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    StoredObjects(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void recordBeforeWriting(String key, Instant at) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "insert into document_objects (storage_key, created_at) values (?, ?)", key, Timestamp.from(at)));
    }

    /**
     * Up to {@code limit} keys after {@code afterKey} (keyset paging, so a key that failed to delete is not
     * met again in the same run) that were recorded before {@code before} and that no live document names.
     */
    List<String> orphans(Instant before, String afterKey, int limit) {
        return jdbc.queryForList("select o.storage_key from document_objects o where o.created_at < ? "
                + "and o.storage_key > ? and not exists (select 1 from documents d where d.storage_key = o.storage_key "
                + "and d.deleted_at is null) order by o.storage_key limit ?", String.class, Timestamp.from(before),
                afterKey, limit);
    }

    void forget(String key) {
        jdbc.update("delete from document_objects where storage_key = ?", key);
    }
}
