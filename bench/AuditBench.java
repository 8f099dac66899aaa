import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.audit.AuditVerification;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audited writes per second (issue 8): W concurrent writers (default 16) over O organizations (default 4),
 * each write one transaction that inserts a business row, vs the same transaction that also records the
 * audit entry describing it through the real {@code AuditTrail} (hash chains per organization). Rounds of
 * each kind alternate in one run on one fresh PostgreSQL database, so the ratios hold on a busy machine too.
 * Two more rows: every writer in one organization (its chains capped at {@code AUDIT_CHAINS_PER_ORGANIZATION}),
 * and the floor — the audit row inserted without any chaining. Goal: audited at least 0.7x plain.
 *
 * <p>Run by {@code bench/audit.sh} (see bench/README.md), with the application's test classpath.
 */
public class AuditBench {

    static final int WRITERS = Integer.parseInt(env("BENCH_WRITERS", "16"));
    static final int ORGANIZATIONS = Integer.parseInt(env("BENCH_ORGANIZATIONS", "4"));
    static final int ROUNDS = Integer.parseInt(env("BENCH_ROUNDS", "3"));
    static final Duration ROUND = Duration.ofSeconds(Long.parseLong(env("BENCH_ROUND_SECONDS", "10")));
    static final Duration WARMUP = Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP_SECONDS", "10")));
    static final String ADMIN_URL = env("BENCH_DATABASE_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Covenant audit benchmark, %s, %d CPUs, Java %s, %s; %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.name") + " " + System.getProperty("os.arch"), load());
        String database = "covenant_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + database);
        Path dataDir = Files.createTempDirectory("covenant-audit-bench");
        try (ConfigurableApplicationContext app = start(database, dataDir)) {
            Writes writes = new Writes(app);
            List<UUID> organizations = new ArrayList<>();
            for (int i = 0; i < ORGANIZATIONS; i++) {
                organizations.add(UUID.randomUUID());
            }
            List<UUID> one = List.of(UUID.randomUUID());
            System.out.printf(Locale.ROOT, "%nWarm-up %ds; then %d alternating rounds of %ds each: %d writers over %d "
                    + "organizations: plain, audited, audited with every writer in one organization, audit row only%n",
                    WARMUP.toSeconds(), ROUNDS, ROUND.toSeconds(), WRITERS, ORGANIZATIONS);
            writes.run(Kind.PLAIN, organizations, WARMUP.dividedBy(4));
            writes.run(Kind.AUDITED, organizations, WARMUP.dividedBy(4));
            writes.run(Kind.AUDITED, one, WARMUP.dividedBy(4));
            writes.run(Kind.ROW_ONLY, organizations, WARMUP.dividedBy(4));
            double plain = 0;
            double audited = 0;
            double oneChain = 0;
            double rowOnly = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                double p = writes.run(Kind.PLAIN, organizations, ROUND);
                double a = writes.run(Kind.AUDITED, organizations, ROUND);
                double o = writes.run(Kind.AUDITED, one, ROUND);
                double r = writes.run(Kind.ROW_ONLY, organizations, ROUND);
                System.out.printf(Locale.ROOT, "  round %d: plain %6.0f/s  audited %6.0f/s  audited, one organization "
                        + "%6.0f/s  audit row only %6.0f/s%n", round, p, a, o, r);
                plain += p;
                audited += a;
                oneChain += o;
                rowOnly += r;
            }
            plain /= ROUNDS;
            audited /= ROUNDS;
            oneChain /= ROUNDS;
            rowOnly /= ROUNDS;
            AuditVerification.Result verified = app.getBean(AuditVerification.class).verify();
            System.out.printf(Locale.ROOT, "%n  %-58s %8.0f writes/s%n", "plain: insert a row, commit", plain);
            System.out.printf(Locale.ROOT, "  %-58s %8.0f writes/s%n", "audited: the same + AuditTrail.record, commit", audited);
            System.out.printf(Locale.ROOT, "  %-58s %8.0f writes/s%n", "audited, all " + WRITERS + " writers in one organization", oneChain);
            System.out.printf(Locale.ROOT, "  %-58s %8.0f writes/s%n", "the same + a copy of the audit row, no chain (the floor)", rowOnly);
            System.out.printf(Locale.ROOT, "  ratio audited : plain %.2f (goal at least 0.70: %s); one organization : plain %.2f; "
                    + "row only : plain %.2f%n", audited / plain, audited / plain >= 0.7 ? "met" : "NOT met",
                    oneChain / plain, rowOnly / plain);
            System.out.printf(Locale.ROOT, "  chain check after the run: valid=%s, %d entries in %d chains%n",
                    verified.valid(), verified.checked(), verified.chains());
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        System.out.printf(Locale.ROOT, "%nDone; %s%n", load());
    }

    static ConfigurableApplicationContext start(String database, Path dataDir) throws Exception {
        String url = ADMIN_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        ClassLoader applicationLoader = ClassLoader.getSystemClassLoader();
        Thread.currentThread().setContextClassLoader(applicationLoader);
        Class<?> application = Class.forName("app.covenant.CovenantApplication", true, applicationLoader);
        return new SpringApplicationBuilder(application).run(
                "--spring.datasource.url=" + url,
                // Every writer has a connection: the pool is not what is measured.
                "--spring.datasource.hikari.maximum-pool-size=" + (WRITERS + 4),
                "--DATA_DIR=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--logging.level.root=" + env("LOG_LEVEL", "warn"),
                "--covenant.platform.frontend-url=https://covenant.test",
                "--db-scheduler.enabled=false");
    }

    /**
     * PLAIN: the business row alone. AUDITED: and its entry through {@code AuditTrail}. ROW_ONLY: and the same
     * entry's row inserted into a copy of {@code audit_log} (same columns and indexes) without any chaining —
     * what any synchronous audit log costs, whatever its chaining.
     */
    enum Kind { PLAIN, AUDITED, ROW_ONLY }

    /** The kinds of write, run by {@link #WRITERS} threads for a while. */
    static final class Writes {
        final JdbcTemplate jdbc;
        final TransactionTemplate transactions;
        final AuditTrail audit;

        Writes(ConfigurableApplicationContext app) {
            this.jdbc = app.getBean(JdbcTemplate.class);
            this.transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            this.audit = app.getBean(AuditTrail.class);
            jdbc.execute("CREATE TABLE bench_records (id UUID PRIMARY KEY, organization_id UUID NOT NULL, "
                    + "name VARCHAR(200) NOT NULL, created_by UUID NOT NULL, created_at TIMESTAMPTZ NOT NULL)");
            jdbc.execute("CREATE INDEX bench_records_organization_idx ON bench_records (organization_id, created_at)");
            jdbc.execute("CREATE TABLE bench_audit_rows (LIKE audit_log INCLUDING ALL)");
        }

        /** Writes per second of {@link #WRITERS} threads writing for {@code duration}, writer i in organization i mod n. */
        double run(Kind kind, List<UUID> organizations, Duration duration) throws Exception {
            AtomicLong done = new AtomicLong();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                long[] window = new long[2];
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    UUID organization = organizations.get(w % organizations.size());
                    UUID user = UUID.randomUUID();
                    futures.add(writers.submit(() -> {
                        start.await();
                        long end = window[1];
                        while (System.nanoTime() < end) {
                            write(kind, organization, user);
                            done.incrementAndGet();
                        }
                        return null;
                    }));
                }
                window[0] = System.nanoTime();
                window[1] = window[0] + duration.toNanos();
                start.countDown();
                for (Future<?> future : futures) {
                    future.get();
                }
                return done.get() / ((System.nanoTime() - window[0]) / 1e9);
            } finally {
                writers.shutdownNow();
            }
        }

        void write(Kind kind, UUID organization, UUID user) {
            UUID id = UUID.randomUUID();
            String name = "Record " + id.toString().substring(0, 8);
            transactions.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO bench_records (id, organization_id, name, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)", id, organization, name, user, Timestamp.from(Instant.now()));
                if (kind == Kind.AUDITED) {
                    audit.record(AuditEntry.of("bench", "record.created").organization(organization)
                            .actor(user, "writer@bench.test").target("record", id).after(Map.of("name", name)));
                } else if (kind == Kind.ROW_ONLY) {
                    jdbc.update("INSERT INTO bench_audit_rows (id, occurred_at, organization_id, actor_id, actor_email, "
                            + "module, action, target_type, target_id, after_json, visibility, chain_id, chain_seq, "
                            + "prev_hash, hash) VALUES (nextval('audit_log_id_seq'), ?, ?, ?, ?, 'bench', "
                            + "'record.created', 'record', ?, ?, 'INTERNAL', ?, nextval('audit_log_id_seq'), ?, ?)",
                            Timestamp.from(Instant.now()), organization, user, "writer@bench.test", id.toString(),
                            "{\"name\":\"" + name + "\"}", organization, "0".repeat(64), "1".repeat(64));
                }
            });
        }
    }

    static void admin(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL)) {
            connection.createStatement().execute(sql);
        }
    }

    static String load() {
        return String.format(Locale.ROOT, "load average %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
