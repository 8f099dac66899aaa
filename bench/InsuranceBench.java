import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Certificate lists at scale (issue 10): 10,000 subs, 100,000 COIs and 400,000 policies in PostgreSQL; p50 and
 * p99 of the reviewer queue and of {@code GET /api/v1/cois?status=ACTIVE} (page 1 and page 500) over HTTP, signed
 * in as the organization's administrator, against the same SQL statements run directly over JDBC in the same run,
 * interleaved one by one. Goal: each HTTP figure under 3 × the direct SQL + 5 ms.
 *
 * <p>Run by {@code bench/insurance.sh} (see bench/README.md), with the application's test classpath.
 */
public class InsuranceBench {

    static final int SUBS = Integer.parseInt(env("BENCH_SUBS", "10000"));
    static final int COIS = Integer.parseInt(env("BENCH_COIS", "100000"));
    static final int PROJECTS = Integer.parseInt(env("BENCH_PROJECTS", "1000"));
    static final int SAMPLES = Integer.parseInt(env("BENCH_SAMPLES", "300"));
    static final int WARMUP = Integer.parseInt(env("BENCH_WARMUP", "100"));
    static final String ADMIN_URL = env("BENCH_DATABASE_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String PASSWORD = "Bench-Password-2026";

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Covenant insurance list benchmark, %s, %d CPUs, Java %s, %s; %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.name") + " " + System.getProperty("os.arch"), load());
        String database = "covenant_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + database);
        Path dataDir = Files.createTempDirectory("covenant-insurance-bench");
        try (ConfigurableApplicationContext app = start(database, dataDir)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String port = app.getEnvironment().getProperty("local.server.port");
            UUID organization = UUID.randomUUID();
            long started = System.nanoTime();
            String email = Data.generate(jdbc, organization);
            System.out.printf(Locale.ROOT, "Data: %,d subs, %,d COIs, %,d policies, %,d projects in %.1f s%n",
                    count(jdbc, "insurance_contractors") - 1, count(jdbc, "insurance_cois"),
                    count(jdbc, "insurance_coi_policies"), count(jdbc, "insurance_projects"),
                    (System.nanoTime() - started) / 1e9);
            Http http = new Http("http://127.0.0.1:" + port, email);
            Direct direct = new Direct(jdbc, organization);
            List<Case> cases = List.of(
                    new Case("reviewer queue, page 1", () -> http.get("/api/v1/cois/review-queue?page=0&size=20"),
                            () -> direct.reviewQueue(0)),
                    new Case("GET /cois?status=ACTIVE, page 1", () -> http.get("/api/v1/cois?status=ACTIVE&page=0&size=20"),
                            () -> direct.byStatus("ACTIVE", 0)),
                    new Case("GET /cois?status=ACTIVE, page 500", () -> http.get("/api/v1/cois?status=ACTIVE&page=499&size=20"),
                            () -> direct.byStatus("ACTIVE", 499)));
            System.out.printf(Locale.ROOT, "%nWarm-up %d of each, then %d of each, HTTP and direct SQL interleaved one by one%n",
                    WARMUP, SAMPLES);
            System.out.printf(Locale.ROOT, "  %-34s %10s %10s %10s %10s   %s%n", "list", "HTTP p50", "HTTP p99",
                    "SQL p50", "SQL p99", "goal: HTTP < 3 x SQL + 5 ms");
            for (Case c : cases) {
                c.run();
            }
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** One list, measured both ways; each sample answers its duration in nanoseconds. */
    record Case(String name, LongSupplier http, LongSupplier sql) {

        void run() {
            for (int i = 0; i < WARMUP; i++) {
                http.getAsLong();
                sql.getAsLong();
            }
            long[] overHttp = new long[SAMPLES];
            long[] direct = new long[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                overHttp[i] = http.getAsLong();
                direct[i] = sql.getAsLong();
            }
            double h50 = percentile(overHttp, 50);
            double h99 = percentile(overHttp, 99);
            double s50 = percentile(direct, 50);
            double s99 = percentile(direct, 99);
            boolean met = h50 < 3 * s50 + 5 && h99 < 3 * s99 + 5;
            System.out.printf(Locale.ROOT, "  %-34s %8.2f ms %7.2f ms %7.2f ms %7.2f ms   p50 %.1fx, p99 %.1fx: %s%n",
                    name, h50, h99, s50, s99, h50 / s50, h99 / s99, met ? "met" : "NOT met");
        }

        static double percentile(long[] nanos, int p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    /** The API over loopback, as the organization's administrator. */
    static final class Http {
        private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String token;

        Http(String base, String email) throws Exception {
            this.base = base;
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = TOKEN.matcher(login.body());
            if (login.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("Sign-in failed: " + login.statusCode() + " " + login.body());
            }
            this.token = matcher.group(1);
        }

        long get(String path) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains("\"content\"")) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - start;
        }
    }

    /**
     * The statements {@code CoiViews} runs for an organization-wide reader — the count, the page with its project
     * and company names, then the page's policies with their limits and its deficiencies — run directly over JDBC.
     */
    static final class Direct {
        private static final String SELECT = "select c.*, p.name as project_name, s.name as sub_name, g.name as gc_name "
                + "from insurance_cois c join insurance_projects p on p.id = c.project_id join insurance_contractors s on "
                + "s.id = c.sub_id join insurance_contractors g on g.id = c.gc_id where c.organization_id = ? and c.status = ?";
        private final JdbcTemplate jdbc;
        private final UUID organization;

        Direct(JdbcTemplate jdbc, UUID organization) {
            this.jdbc = jdbc;
            this.organization = organization;
        }

        long reviewQueue(int page) {
            return list("AWAITING_ADMIN_REVIEW", "c.review_requested_at asc, c.id", page);
        }

        long byStatus(String status, int page) {
            return list(status, "c.created_at desc, c.id", page);
        }

        private long list(String status, String orderBy, int page) {
            long start = System.nanoTime();
            jdbc.queryForObject("select count(*) from insurance_cois c where c.organization_id = ? and c.status = ?",
                    Long.class, organization, status);
            List<UUID> ids = jdbc.query(SELECT + " order by " + orderBy + " limit ? offset ?",
                    (rs, i) -> rs.getObject("id", UUID.class), organization, status, 20, page * 20);
            if (!ids.isEmpty()) {
                String marks = String.join(",", ids.stream().map(id -> "?").toList());
                jdbc.queryForList("select p.*, l.limit_key, l.amount from insurance_coi_policies p left join "
                        + "insurance_coi_policy_limits l on l.policy_id = p.id where p.coi_id in (" + marks + ") "
                        + "order by p.coi_id, case p.line when 'GL' then 1 when 'AUTO' then 2 when 'UMBRELLA' then 3 "
                        + "when 'WC' then 4 else 5 end, p.expiration_date, p.id", ids.toArray());
                jdbc.queryForList("select * from insurance_coi_deficiencies where coi_id in (" + marks + ") "
                        + "order by coi_id, sort_order", ids.toArray());
            }
            return System.nanoTime() - start;
        }
    }

    /** Set-based generation of one organization's insurance records (a few seconds, not minutes). */
    static final class Data {

        static String generate(JdbcTemplate jdbc, UUID organization) {
            String email = "bench-admin@covenant.test";
            jdbc.update("insert into organizations (id, code, name, type, active, settings, created_at) "
                    + "values (?, 'BENCH', 'Bench Builders Group', 'ENTITY', true, '{}', now())", organization);
            UUID user = UUID.randomUUID();
            jdbc.update("insert into users (id, email, email_normalized, name, password_hash, status, email_verified, "
                            + "must_change_password, created_at, updated_at) values (?, ?, ?, 'Bench Admin', ?, 'ACTIVE', true, "
                            + "false, now(), now())", user, email, email, new BCryptPasswordEncoder(12).encode(PASSWORD));
            jdbc.update("insert into memberships (id, user_id, organization_id, role_id, created_at, status) "
                    + "select ?, ?, ?, r.id, now(), 'ACTIVE' from roles r where r.scope_key = 'system' and r.code = 'ADMIN'",
                    UUID.randomUUID(), user, organization);
            jdbc.update("""
                    insert into insurance_contractors (id, organization_id, type, name, contact_email, status, created_at, updated_at)
                    select md5('gc')::uuid, ?, 'GENERAL_CONTRACTOR', 'Bench Builders LLC', 'office@bench.test', 'ACTIVE', now(), now()""",
                    organization);
            jdbc.update("""
                    insert into insurance_contractors (id, organization_id, type, name, contact_email, status, created_at, updated_at)
                    select md5('sub' || s)::uuid, ?, 'SUBCONTRACTOR', 'Subcontractor ' || s, 'sub' || s || '@bench.test',
                           'ACTIVE', now(), now()
                    from generate_series(0, ? - 1) s""", organization, SUBS);
            jdbc.update("""
                    insert into insurance_projects (id, organization_id, gc_id, name, status, start_date, end_date, created_at, updated_at)
                    select md5('project' || p)::uuid, ?, md5('gc')::uuid, 'Project ' || p, 'ACTIVE',
                           date '2026-01-01', date '2028-12-31', now(), now()
                    from generate_series(0, ? - 1) p""", organization, PROJECTS);
            jdbc.update("""
                    insert into insurance_brokers (id, organization_id, name, company, email, created_at, updated_at)
                    select md5('broker' || b)::uuid, ?, 'Broker ' || b, 'Agency ' || (b % 50), 'broker' || b || '@bench.test',
                           now(), now()
                    from generate_series(0, 499) b""", organization);
            // COI i: sub i % SUBS on a project of its own per round, statuses spread like a live organization.
            jdbc.update("""
                    insert into insurance_cois (id, organization_id, project_id, sub_id, gc_id, status, broker_type,
                                                review_requested_at, earliest_expiration, created_at, updated_at)
                    select md5('coi' || i)::uuid, ?, md5('project' || (((i / ?) * 100 + (i % ?) % 100) % ?))::uuid,
                           md5('sub' || (i % ?))::uuid, md5('gc')::uuid,
                           case when i % 20 < 12 then 'ACTIVE' when i % 20 < 14 then 'EXPIRED'
                                when i % 20 < 16 then 'AWAITING_ADMIN_REVIEW' when i % 20 = 16 then 'AWAITING_BROKER_INFO'
                                when i % 20 = 17 then 'AWAITING_BROKER_UPLOAD' when i % 20 = 18 then 'AWAITING_BROKER_SIGNATURE'
                                else 'DEFICIENCY_PENDING' end,
                           'GLOBAL',
                           case when i % 20 in (14, 15) then timestamp with time zone '2026-01-01' + (i || ' minutes')::interval end,
                           date '2026-06-01' + (i % 730),
                           timestamp with time zone '2025-01-01' + (i || ' minutes')::interval, now()
                    from generate_series(0, ? - 1) i""", organization, SUBS, SUBS, PROJECTS, SUBS, COIS);
            jdbc.update("""
                    insert into insurance_coi_brokers (coi_id, line, broker_id, name, company, email)
                    select c.id, 'GLOBAL', md5('broker' || (abs(hashtext(c.id::text)) % 500))::uuid, 'Broker', 'Agency',
                           'broker@bench.test'
                    from insurance_cois c where c.organization_id = ?""", organization);
            jdbc.update("""
                    insert into insurance_coi_policies (id, coi_id, line, insurer_name, naic, policy_number, effective_date,
                                                        expiration_date, additional_insured, waiver_of_subrogation, statutory)
                    select gen_random_uuid(), c.id, l.line, 'Insurer ' || l.line, '12345', l.line || '-' || left(c.id::text, 8),
                           c.earliest_expiration - 365, c.earliest_expiration + l.extra, true, true, l.line = 'WC'
                    from insurance_cois c
                    cross join (values ('GL', 0), ('AUTO', 30), ('UMBRELLA', 60), ('WC', 90)) as l(line, extra)
                    where c.organization_id = ?""", organization);
            jdbc.update("""
                    insert into insurance_coi_policy_limits (policy_id, limit_key, amount)
                    select p.id, k.limit_key, k.amount
                    from insurance_coi_policies p
                    join (values ('GL', 'EACH_OCCURRENCE', 1000000), ('GL', 'GENERAL_AGGREGATE', 2000000),
                                 ('GL', 'PRODUCTS_COMP_OP_AGG', 2000000), ('AUTO', 'COMBINED_SINGLE_LIMIT', 1000000),
                                 ('UMBRELLA', 'EACH_OCCURRENCE', 5000000), ('UMBRELLA', 'AGGREGATE', 5000000),
                                 ('WC', 'EL_EACH_ACCIDENT', 1000000), ('WC', 'EL_DISEASE_EA_EMPLOYEE', 1000000),
                                 ('WC', 'EL_DISEASE_POLICY_LIMIT', 1000000)) as k(line, limit_key, amount)
                      on k.line = p.line""");
            jdbc.execute("analyze");
            return email;
        }
    }

    static ConfigurableApplicationContext start(String database, Path dataDir) throws Exception {
        String url = ADMIN_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        ClassLoader applicationLoader = ClassLoader.getSystemClassLoader();
        Thread.currentThread().setContextClassLoader(applicationLoader);
        Class<?> application = Class.forName("app.covenant.CovenantApplication", true, applicationLoader);
        return new SpringApplicationBuilder(application).run(
                "--spring.datasource.url=" + url,
                "--DATA_DIR=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--logging.level.root=" + env("LOG_LEVEL", "warn"),
                "--covenant.platform.frontend-url=https://covenant.test",
                "--covenant.ratelimit.per-minute=100000000", "--covenant.ratelimit.auth-per-minute=100000000",
                "--db-scheduler.enabled=false");
    }

    static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
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
