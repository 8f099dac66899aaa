package app.covenant.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditVerification;
import app.covenant.audit.AuditVisibility;
import app.covenant.support.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database with audit rows written before chains per organization (V11), upgraded: the old rows stay
 * verifiable as the old global chain, new rows join their organizations' chains with ids after the old
 * ones, and tampering with an old row is still found. On PostgreSQL and on H2, whose V11_1 differ.
 */
class ChainsAfterUpgradeTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void oldRowsStayVerifiableBesideTheNewChains(String vendor) {
        String url = "postgresql".equals(vendor) ? TestDatabases.createFresh()
                : "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        // One connection throughout: an in-memory H2 database lives as long as a connection to it.
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, true);
        try {
            upgradeAndVerify(dataSource, vendor);
        } finally {
            dataSource.destroy();
        }
    }

    private static void upgradeAndVerify(SingleConnectionDataSource dataSource, String vendor) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, vendor, true);
        writeTheOldWay(jdbc, 3);

        migrate(dataSource, vendor, false);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        Clock clock = Clock.systemUTC();
        JdbcAuditTrail trail = new JdbcAuditTrail(jdbc, new AuditJson(JsonMapper.builder().build()), clock,
                transactions, new AuditProperties(365, "0 30 3 * * *", 1000, 8));
        ChainVerifier verifier = new ChainVerifier(jdbc, clock);
        UUID organization = UUID.randomUUID();
        trail.record(AuditEntry.of("identity", "user.invited").organization(organization));
        trail.record(AuditEntry.of("identity", "user.invited").organization(organization));
        trail.record(AuditEntry.of("platform", "job.ran"));
        // A node of the previous version, during a rolling update, still appends to the old chain.
        String lastOldHash = writeTheOldWay(jdbc, 1);

        AuditVerification.Result result = new TransactionTemplate(transactions).execute(status -> verifier.verify());
        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isEqualTo(7);
        assertThat(result.chains()).as("the old chain, the organization's, the platform's").isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT id FROM audit_log WHERE chain_id IS NOT NULL", Long.class))
                .allSatisfy(id -> assertThat(id).isGreaterThan(1_000_000_000L));
        assertThat(jdbc.queryForObject("SELECT last_hash FROM audit_chain_head", String.class))
                .as("only the old node moved the old head").isEqualTo(lastOldHash);

        asRetention(jdbc, transactions, vendor, "UPDATE audit_log SET action = 'user.removed' WHERE id = 2");
        assertThat(new TransactionTemplate(transactions).execute(status -> verifier.verify()).firstBrokenId())
                .isEqualTo(2L);
    }

    /** Migrates to the newest version before V11 ({@code beforeChains}), or to the latest. */
    private static void migrate(SingleConnectionDataSource dataSource, String vendor, boolean beforeChains) {
        FluentConfiguration configuration = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        if (beforeChains) {
            MigrationVersion chains = MigrationVersion.fromVersion("11");
            configuration.target(Arrays.stream(configuration.load().info().all()).map(MigrationInfo::getVersion)
                    .filter(version -> version.isMajorNewerThan("0") && chains.isNewerThan(version))
                    .max(MigrationVersion::compareTo).orElseThrow());
        }
        configuration.load().migrate();
    }

    /** Rows as the single global chain wrote them: ids from the head, no chain columns, the head moved. */
    private static String writeTheOldWay(JdbcTemplate jdbc, int rows) {
        long first = jdbc.queryForObject("SELECT last_id FROM audit_chain_head", Long.class) + 1;
        String previous = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head", String.class);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (long id = first; id < first + rows; id++) {
            AuditRow row = new AuditRow(id, at.plusSeconds(id), UUID.randomUUID(), null, "old@covenant.test",
                    "identity", "user.invited", "user", "u-" + id, null, "{\"role\":\"USER\"}", null, null, null,
                    AuditVisibility.INTERNAL, null, null, previous, null);
            row = row.withHash(ChainHash.of(row));
            jdbc.update("INSERT INTO audit_log (id, occurred_at, organization_id, actor_email, module, action, "
                            + "target_type, target_id, after_json, visibility, prev_hash, hash) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.id(),
                    row.occurredAt().atOffset(ZoneOffset.UTC), row.organizationId(), row.actorEmail(), row.module(),
                    row.action(), row.targetType(), row.targetId(), row.afterJson(), row.visibility().name(),
                    row.prevHash(), row.hash());
            previous = row.hash();
        }
        jdbc.update("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE singleton = 1", first + rows - 1,
                previous);
        return previous;
    }

    private static void asRetention(JdbcTemplate jdbc, DataSourceTransactionManager transactions, String vendor,
                                    String sql) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            if ("postgresql".equals(vendor)) {
                jdbc.queryForObject("SELECT set_config('covenant.audit_retention', 'on', true)", String.class);
            }
            List.of(sql).forEach(jdbc::update);
        });
    }
}
