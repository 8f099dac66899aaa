import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Renewal reminders at scale (issue 12): 250,000 COIs with 1,000,000 policies in PostgreSQL, expirations spread over
 * two years around day D. For D it times (1) the single SQL query that selects exactly the due (policy, tier) set —
 * the predicate of {@code DueReminders}, as a count — (2) one full run, {@code ReminderRunner.runFor(D)} of the
 * application started in-process, and (3) inserting the rows the run recorded, again, into the same table with one
 * {@code INSERT ... SELECT} (reference: same keys, indexes and foreign keys), and prints the ratio
 * run / (query + insert) and the peak heap of the run, at 10 thousand and at 1 million policies.
 * Goal: run under 2 × (query + insert), under 10 s, peak heap under 512 MB (the JVM runs with -Xmx512m).
 *
 * <p>Run by {@code bench/reminders.sh} (see bench/README.md), with the application's test classpath.
 */
public class RemindersBench {

    static final int COIS = Integer.parseInt(env("BENCH_COIS", "250000"));
    static final int SMALL_COIS = Integer.parseInt(env("BENCH_SMALL_COIS", "2500"));
    static final int ORGANIZATIONS = 5;
    static final LocalDate DAY = LocalDate.parse(env("BENCH_DAY", "2027-06-15"));
    static final String ADMIN_URL = env("BENCH_DATABASE_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    static final String DATABASE = "covenant_bench_reminders";

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Covenant renewal reminder benchmark, %s, %d CPUs, Java %s, %s, max heap %d MB; %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() >> 20, load());
        admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        admin("CREATE DATABASE " + DATABASE);
        Path dataDir = Files.createTempDirectory("covenant-reminders-bench");
        Heap heap = new Heap();
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Object runner = app.getBean(Class.forName("app.covenant.reminders.ReminderRunner"));
            System.out.printf(Locale.ROOT, "Day D = %s%n", DAY);

            Result small = measure("small", SMALL_COIS, jdbc, runner, heap);
            // The small set's certificates go (their reminders with them): the large run sees only its own data.
            jdbc.update("delete from insurance_cois where organization_id in (select id from organizations where code like 'BENCHS%')");
            Result large = measure("large", COIS, jdbc, runner, heap);

            System.out.printf(Locale.ROOT, "%nResults (D = %s)%n", DAY);
            System.out.printf(Locale.ROOT, "  %-10s %9s %9s %9s %8s %9s %9s %10s %7s %10s %10s%n", "policies", "due set",
                    "reminders", "e-mails", "query s", "insert s", "run s", "run/(q+i)", "", "peak heap", "live heap");
            for (Result r : new Result[] {small, large}) {
                r.print();
            }
            boolean ratio = large.run < 2 * (large.query + large.insert);
            boolean seconds = large.run < 10;
            boolean memory = Math.max(small.peak, large.peak) < 512L << 20;
            System.out.printf(Locale.ROOT, "  goal run < 2 x (query + insert): %s; run < 10 s: %s; peak heap < 512 MB: %s;"
                            + " flat memory (1M vs 10k peak %.2fx)%n", met(ratio), met(seconds), met(memory),
                    (double) large.peak / small.peak);
            System.out.printf(Locale.ROOT, "  load average at the end: %s%n", load());
        } finally {
            if (!"1".equals(System.getenv("BENCH_KEEP_DB"))) {
                admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            } else {
                System.out.println("Kept the database " + DATABASE + " (BENCH_KEEP_DB=1)");
            }
        }
    }

    record Result(long policies, long dueSet, int reminders, int emails, long outboxRows, double query, double insert,
                  double run, long peak, long live) {
        void print() {
            System.out.printf(Locale.ROOT, "  %-10s %,9d %,9d %,9d %8.2f %9.2f %9.2f %9.2fx %7s %7d MB %7d MB%n",
                    String.format(Locale.ROOT, "%,d", policies), dueSet, reminders, emails, query, insert, run,
                    run / (query + insert), "", peak >> 20, live >> 20);
        }
    }

    static Result measure(String prefix, int cois, JdbcTemplate jdbc, Object runner, Heap heap) throws Exception {
        long started = System.nanoTime();
        Data.generate(jdbc, prefix.substring(0, 1), cois);
        long policies = jdbc.queryForObject("select count(*) from insurance_coi_policies", Long.class);
        System.out.printf(Locale.ROOT, "%n[%s] Data: %,d COIs, %,d policies in %.1f s; %s%n", prefix,
                jdbc.queryForObject("select count(*) from insurance_cois", Long.class), policies,
                (System.nanoTime() - started) / 1e9, load());

        // (1) the due set: the run's own predicate (DueReminders, PostgreSQL spelling), counted. Once to warm up.
        long dueSet = 0;
        double query = 0;
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            dueSet = jdbc.queryForObject("select count(*) from (" + DueSql.SELECT + ") n", Long.class, DAY, DAY,
                    DAY.plusDays(30));
            query = (System.nanoTime() - t) / 1e9;
        }
        System.out.printf(Locale.ROOT, "[%s] (1) due-set query: %,d (policy, tier) rows in %.2f s%n", prefix, dueSet, query);

        // (2) one full run through the application.
        long outboxBefore = jdbc.queryForObject("select count(*) from email_outbox", Long.class);
        heap.reset();
        long t = System.nanoTime();
        Object result = runner.getClass().getMethod("runFor", LocalDate.class).invoke(runner, DAY);
        double run = (System.nanoTime() - t) / 1e9;
        long peak = heap.peak();
        long live = heap.live();
        int reminders = (int) result.getClass().getMethod("remindersSent").invoke(result);
        int emails = (int) result.getClass().getMethod("emailsQueued").invoke(result);
        long outboxRows = jdbc.queryForObject("select count(*) from email_outbox", Long.class) - outboxBefore;
        long rows = jdbc.queryForObject("select count(*) from reminders_expiration_reminders", Long.class);
        System.out.printf(Locale.ROOT, "[%s] (2) ReminderRunner.runFor(D): %s in %.2f s; %,d reminder rows, %,d outbox rows;"
                + " heap peak %d MB (baseline %d MB), max after GC %d MB%n", prefix, result, run, rows, outboxRows,
                peak >> 20, heap.baseline >> 20, live >> 20);

        // (3) reference: inserting the same rows into the same table, with its keys, indexes and foreign keys. The
        // run inserted into a table holding only earlier data; so does this: the rows are set aside, removed, and
        // put back in one INSERT ... SELECT.
        jdbc.execute("drop table if exists bench_reminder_copy");
        jdbc.execute("create table bench_reminder_copy as select * from reminders_expiration_reminders");
        jdbc.execute("truncate reminders_expiration_reminders");
        jdbc.execute("vacuum analyze reminders_expiration_reminders");
        t = System.nanoTime();
        jdbc.update("insert into reminders_expiration_reminders select * from bench_reminder_copy");
        double insert = (System.nanoTime() - t) / 1e9;
        jdbc.execute("drop table bench_reminder_copy");
        System.out.printf(Locale.ROOT, "[%s] (3) inserting %,d reminder rows alone: %.2f s%n", prefix, rows, insert);
        return new Result(policies, dueSet, reminders, emails, outboxRows, query, insert, run, peak, live);
    }

    /** DueReminders' selection on PostgreSQL, word for word; parameters D (due), D (days before), D + 30 (window). */
    static final class DueSql {
        static final String TIERS = "select v.organization_id, v.coi_id, v.line, v.policy_number, v.expiration_date,"
                + " v.broker_id, s.disabled_types, (v.expiration_date - cast(? as date)) as days_before"
                + " from insurance_policy_expirations v left join reminders_settings s on s.organization_id = v.organization_id"
                + " where v.expiration_date <= ?"
                + " and case when v.replaced or v.replacement_in_review then 1 else 0 end = 0"
                + " and (v.sub_status is null or v.sub_status <> 'INACTIVE')"
                + " and coalesce(s.enabled, true) = true";
        static final String TIER = "case when t.days_before > 14 then 'DAYS_30' when t.days_before > 7 then 'DAYS_14'"
                + " when t.days_before > 2 then 'DAYS_7' when t.days_before > 0 then 'DAYS_2'"
                + " when t.days_before > -2 then 'EXPIRED' else 'EVERY_2_DAYS' end";
        static final String DUE = "case when t.days_before > 14 then (t.expiration_date + -30)"
                + " when t.days_before > 7 then (t.expiration_date + -14)"
                + " when t.days_before > 2 then (t.expiration_date + -7)"
                + " when t.days_before > 0 then (t.expiration_date + -2)"
                + " when t.days_before > -2 then t.expiration_date"
                + " else (cast(? as date) + -mod(-t.days_before, 2)) end";
        static final String SELECT = "select x.* from (select t.organization_id, t.coi_id, t.line, t.policy_number,"
                + " t.expiration_date, t.days_before, " + TIER + " as tier, " + DUE + " as due, t.broker_id,"
                + " t.disabled_types from (" + TIERS + ") t) x"
                + " where (',' || coalesce(x.disabled_types, '') || ',') not like ('%,' || x.tier || ',%')";
    }

    /** Heap use sampled every 2 ms, and the heap left after each collection (the live set). */
    static final class Heap {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong live = new AtomicLong();
        long baseline;

        Heap() {
            Thread sampler = new Thread(() -> {
                while (true) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                .mapToLong(MemoryUsage::getUsed).sum();
                        peak.accumulateAndGet(info.getGcInfo().getMemoryUsageBeforeGc().values().stream()
                                .mapToLong(MemoryUsage::getUsed).sum(), Math::max);
                        live.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }

        void reset() {
            System.gc();
            baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            peak.set(baseline);
            live.set(baseline);
        }

        long peak() {
            return peak.get();
        }

        long live() {
            return live.get();
        }
    }

    /**
     * Set-based generation: 5 organizations, per organization a GC, subs (1 in 40 INACTIVE), 5 projects with an
     * assigned admin, 100 brokers; COIs 80 % ACTIVE, 10 % EXPIRED, 6 % AWAITING_ADMIN_REVIEW, the rest in other
     * states; 1 in 50 ACTIVE ones renewed by a later ACTIVE one (stops), 1 in 50 EXPIRED ones by one awaiting
     * review (pauses); 4 policies each, expirations spread evenly over D − 365 … D + 364.
     */
    static final class Data {

        static void generate(JdbcTemplate jdbc, String p, int cois) {
            int subs = Math.max(ORGANIZATIONS, cois / 5 / ORGANIZATIONS * ORGANIZATIONS);
            int rounds = (cois + subs - 1) / subs;
            jdbc.update("""
                    insert into organizations (id, code, name, type, active, settings, created_at)
                    select md5(? || 'org' || o)::uuid, 'BENCH' || upper(?) || o, 'Bench Builders ' || o, 'ENTITY', true,
                           '{}', now()
                    from generate_series(0, ? - 1) o""", p, p, ORGANIZATIONS);
            jdbc.update("""
                    insert into insurance_contractors (id, organization_id, type, name, contact_email, status, created_at, updated_at)
                    select md5(? || 'gc' || o)::uuid, md5(? || 'org' || o)::uuid, 'GENERAL_CONTRACTOR', 'Bench GC ' || o,
                           'gc' || o || '@bench.test', 'ACTIVE', now(), now()
                    from generate_series(0, ? - 1) o""", p, p, ORGANIZATIONS);
            jdbc.update("""
                    insert into insurance_contractors (id, organization_id, type, name, contact_email, status, created_at, updated_at)
                    select md5(? || 'sub' || s)::uuid, md5(? || 'org' || (s % ?))::uuid, 'SUBCONTRACTOR', 'Subcontractor ' || s,
                           'sub' || s || '@bench.test', case when s % 40 = 7 then 'INACTIVE' else 'ACTIVE' end, now(), now()
                    from generate_series(0, ? - 1) s""", p, p, ORGANIZATIONS, subs);
            jdbc.update("""
                    insert into insurance_projects (id, organization_id, gc_id, name, status, start_date, end_date,
                                                    assigned_admin_email, created_at, updated_at)
                    select md5(? || 'project' || j)::uuid, md5(? || 'org' || (j % ?))::uuid, md5(? || 'gc' || (j % ?))::uuid,
                           'Project ' || j, 'ACTIVE', date '2026-01-01', date '2028-12-31', 'pm' || j || '@bench.test', now(), now()
                    from generate_series(0, ? - 1) j""", p, p, ORGANIZATIONS, p, ORGANIZATIONS, rounds * ORGANIZATIONS);
            jdbc.update("""
                    insert into insurance_brokers (id, organization_id, name, company, email, created_at, updated_at)
                    select md5(? || 'broker' || b)::uuid, md5(? || 'org' || (b % ?))::uuid, 'Broker ' || b,
                           'Agency ' || (b % 50), 'broker' || b || '@bench.test', now(), now()
                    from generate_series(0, ? - 1) b""", p, p, ORGANIZATIONS, 100 * ORGANIZATIONS);
            // COI i: sub i % subs and project (i / subs, i % 5): one certificate per (project, sub), same organization.
            jdbc.update("""
                    insert into insurance_cois (id, organization_id, project_id, sub_id, gc_id, status, broker_type,
                                                assigned_admin_email, renewal_of_id, earliest_expiration, created_at, updated_at)
                    select md5(? || 'coi' || i)::uuid, md5(? || 'org' || (i % ?))::uuid,
                           md5(? || 'project' || ((i / ?) * ? + i % ?))::uuid, md5(? || 'sub' || (i % ?))::uuid,
                           md5(? || 'gc' || (i % ?))::uuid,
                           case when i % 50 < 40 then 'ACTIVE' when i % 50 < 45 then 'EXPIRED'
                                when i % 50 < 48 then 'AWAITING_ADMIN_REVIEW' when i % 50 = 48 then 'DEFICIENCY_PENDING'
                                else 'AWAITING_BROKER_UPLOAD' end,
                           'GLOBAL',
                           case when i % 10 = 3 then 'admin' || (i % ?) || '@bench.test' end,
                           case when i % 50 in (1, 45) and i > 0 then md5(? || 'coi' || (i - 1))::uuid end,
                           ?::date - 365 + ((i::bigint * 4 * 7919) % 730)::int,
                           timestamp with time zone '2025-01-01' + (i || ' minutes')::interval, now()
                    from generate_series(0, ? - 1) i""", p, p, ORGANIZATIONS, p, subs, ORGANIZATIONS, ORGANIZATIONS, p,
                    subs, p, ORGANIZATIONS, ORGANIZATIONS, p, DAY, cois);
            jdbc.update("""
                    insert into insurance_coi_brokers (coi_id, line, broker_id, name, company, email)
                    select md5(? || 'coi' || i)::uuid, l.line, md5(? || 'broker' || (((i * 7 + l.k) % 100) * ? + i % ?))::uuid,
                           'Broker', 'Agency', 'broker' || (((i * 7 + l.k) % 100) * ? + i % ?) || '@bench.test'
                    from generate_series(0, ? - 1) i
                    join (values ('GLOBAL', 0), ('GL', 1)) as l(line, k) on l.line = 'GLOBAL' or i % 4 = 0""",
                    p, p, ORGANIZATIONS, ORGANIZATIONS, ORGANIZATIONS, ORGANIZATIONS, cois);
            jdbc.update("""
                    insert into insurance_coi_policies (id, coi_id, line, insurer_name, naic, policy_number, effective_date,
                                                        expiration_date, additional_insured, waiver_of_subrogation, statutory)
                    select gen_random_uuid(), md5(? || 'coi' || i)::uuid, l.line, 'Insurer ' || l.line, '12345',
                           l.line || '-' || ? || i, e.expiration - 365, e.expiration, true, true, l.line = 'WC'
                    from generate_series(0, ? - 1) i
                    cross join (values ('GL', 0), ('AUTO', 1), ('UMBRELLA', 2), ('WC', 3)) as l(line, k)
                    cross join lateral (select ?::date - 365 + (((i::bigint * 4 + l.k) * 7919) % 730)::int as expiration) e""",
                    p, p, cois, DAY);
            jdbc.execute("analyze");
        }
    }

    static ConfigurableApplicationContext start(Path dataDir) throws Exception {
        String url = ADMIN_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1");
        ClassLoader applicationLoader = ClassLoader.getSystemClassLoader();
        Thread.currentThread().setContextClassLoader(applicationLoader);
        Class<?> application = Class.forName("app.covenant.CovenantApplication", true, applicationLoader);
        return new SpringApplicationBuilder(application).run(
                "--spring.datasource.url=" + url,
                "--DATA_DIR=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--logging.level.root=" + env("LOG_LEVEL", "warn"),
                "--logging.level.app.covenant.reminders=debug",
                "--ADMIN_EMAIL=global-admin@bench.test",
                "--covenant.platform.frontend-url=https://covenant.test",
                "--db-scheduler.enabled=false");
    }

    static String met(boolean met) {
        return met ? "met" : "NOT met";
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
