import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
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
 * Hold-harmless lists and statistics at scale (issue 13): one organization with 100,000 certificates and as many
 * hold-harmless agreements in PostgreSQL (70 % COMPLETED, 15 % PENDING_SUB_SIGNATURE, 8 % PENDING_GC_SIGNATURE, 4 %
 * REJECTED, 3 % EXPIRED; sent over the last 120 days); p50 and p99 of {@code GET /api/v1/hold-harmless/stats},
 * {@code GET /api/v1/hold-harmless?status=PENDING_SUB_SIGNATURE} and {@code GET /api/v1/hold-harmless} (first page)
 * over HTTP, signed in as the organization's administrator, against the same SQL run directly over JDBC in the same
 * run, interleaved one by one. Goal (as issue 10's): each HTTP figure under 3 × the direct SQL + 5 ms.
 *
 * <p>Run by {@code bench/holdharmless.sh} (see bench/README.md), with the application's test classpath.
 */
public class HoldHarmlessBench {

    static final int AGREEMENTS = Integer.parseInt(env("BENCH_AGREEMENTS", "100000"));
    static final int SUBS = Integer.parseInt(env("BENCH_SUBS", "10000"));
    static final int PROJECTS = Integer.parseInt(env("BENCH_PROJECTS", "1000"));
    static final int SAMPLES = Integer.parseInt(env("BENCH_SAMPLES", "100"));
    static final int WARMUP = Integer.parseInt(env("BENCH_WARMUP", "20"));
    static final int OVERDUE_DAYS = 7;
    static final String ADMIN_URL = env("BENCH_DATABASE_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String PASSWORD = "Bench-Password-2026";

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Covenant hold-harmless benchmark, %s, %d CPUs, Java %s, %s; %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.name") + " " + System.getProperty("os.arch"), load());
        String database = "covenant_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + database);
        Path dataDir = Files.createTempDirectory("covenant-holdharmless-bench");
        try (ConfigurableApplicationContext app = start(database, dataDir)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String port = app.getEnvironment().getProperty("local.server.port");
            UUID organization = UUID.randomUUID();
            long started = System.nanoTime();
            String email = Data.generate(jdbc, organization);
            System.out.printf(Locale.ROOT, "Data: %,d agreements (%s), %,d COIs, %,d subs, %,d projects in %.1f s%n",
                    count(jdbc, "hold_harmless_agreements"), jdbc.queryForList("select status || ' ' || count(*) from "
                            + "hold_harmless_agreements group by status order by 1", String.class),
                    count(jdbc, "insurance_cois"), count(jdbc, "insurance_contractors") - 1,
                    count(jdbc, "insurance_projects"), (System.nanoTime() - started) / 1e9);
            Http http = new Http("http://127.0.0.1:" + port, email);
            Direct direct = new Direct(jdbc, organization);
            List<Case> cases = List.of(
                    new Case("GET /hold-harmless/stats", () -> http.get("/api/v1/hold-harmless/stats", "\"overdue"),
                            direct::stats),
                    new Case("GET /hold-harmless?status=PENDING_SUB_SIGNATURE, page 1",
                            () -> http.get("/api/v1/hold-harmless?status=PENDING_SUB_SIGNATURE&page=0&size=20", "\"content\""),
                            () -> direct.list("PENDING_SUB_SIGNATURE")),
                    new Case("GET /hold-harmless, page 1",
                            () -> http.get("/api/v1/hold-harmless?page=0&size=20", "\"content\""),
                            () -> direct.list(null)));
            System.out.printf(Locale.ROOT, "%nWarm-up %d of each, then %d of each, HTTP and direct SQL interleaved one by one%n",
                    WARMUP, SAMPLES);
            System.out.printf(Locale.ROOT, "  %-52s %10s %10s %10s %10s   %s%n", "request", "HTTP p50", "HTTP p99",
                    "SQL p50", "SQL p99", "ratio HTTP/SQL; goal: HTTP < 3 x SQL + 5 ms");
            for (Case c : cases) {
                c.run();
            }
        } finally {
            if (!"1".equals(System.getenv("BENCH_KEEP_DB"))) {
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } else {
                System.out.println("Kept database " + database);
            }
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
            System.out.printf(Locale.ROOT, "  %-52s %8.2f ms %7.2f ms %7.2f ms %7.2f ms   p50 %.1fx, p99 %.1fx: %s%n",
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

        long get(String path, String expect) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains(expect)) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - start;
        }
    }

    /**
     * The statements {@code HoldHarmlessAgreements} runs for an organization-wide reader, word for word: for the
     * statistics the count by status and the one-pass average and overdue count; for a list the count, the page
     * ({@code AgreementRows.COLUMNS}, newest first) and the certificates' project and sub names of the page
     * ({@code InsuranceNames.certificates}).
     */
    static final class Direct {
        static final String COLUMNS = "a.id, a.organization_id, a.coi_id, a.project_id, a.sub_id, a.gc_id,"
                + " a.status, a.effective_date, a.expiration_date, a.envelope_id, a.document_id, a.completed_document_id,"
                + " a.sub_signer_name, a.sub_signer_email, a.gc_signer_name, a.gc_signer_email, a.sub_signed_at,"
                + " a.sub_signed_by, a.gc_signed_at, a.gc_signed_by, a.completed_at, a.rejection_reason, a.rejected_at,"
                + " a.rejected_by, a.generation_error, a.attempts, a.sent_at, a.created_at, a.updated_at";
        private final JdbcTemplate jdbc;
        private final UUID organization;

        Direct(JdbcTemplate jdbc, UUID organization) {
            this.jdbc = jdbc;
            this.organization = organization;
        }

        long stats() {
            long start = System.nanoTime();
            jdbc.queryForList("select status, count(*) as n from hold_harmless_agreements where organization_id = ?"
                    + " group by status", organization);
            Timestamp overdueBefore = Timestamp.from(Instant.now().minus(Duration.ofDays(OVERDUE_DAYS)));
            jdbc.queryForMap("select avg(case when status = 'COMPLETED'"
                    + " and completed_at is not null then extract(epoch from completed_at) - extract(epoch from created_at)"
                    + " end) as seconds_to_complete, coalesce(sum(case when (status = 'PENDING_SUB_SIGNATURE' and sent_at < ?)"
                    + " or (status = 'PENDING_GC_SIGNATURE' and sub_signed_at < ?) then 1 else 0 end), 0) as overdue"
                    + " from hold_harmless_agreements where organization_id = ?", overdueBefore, overdueBefore,
                    organization);
            return System.nanoTime() - start;
        }

        long list(String status) {
            long start = System.nanoTime();
            String where = " where a.organization_id = ?" + (status == null ? "" : " and a.status = ?");
            Object[] args = status == null ? new Object[] {organization} : new Object[] {organization, status};
            jdbc.queryForObject("select count(*) from hold_harmless_agreements a" + where, Long.class, args);
            Object[] pageArgs = Arrays.copyOf(args, args.length + 2);
            pageArgs[args.length] = 20;
            pageArgs[args.length + 1] = 0L;
            List<UUID> cois = jdbc.query("select " + COLUMNS + " from hold_harmless_agreements a" + where
                    + " order by a.created_at desc, a.id limit ? offset ?", (rs, i) -> rs.getObject("coi_id", UUID.class),
                    pageArgs);
            if (!cois.isEmpty()) {
                String marks = String.join(",", cois.stream().map(id -> "?").toList());
                jdbc.queryForList("select c.id, c.project_id, p.name as project_name, c.sub_id, s.name as sub_name"
                        + " from insurance_cois c join insurance_projects p on p.id = c.project_id"
                        + " join insurance_contractors s on s.id = c.sub_id where c.id in (" + marks + ")", cois.toArray());
            }
            return System.nanoTime() - start;
        }
    }

    /** Set-based generation of one organization's certificates and their agreements (seconds, not minutes). */
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
            // One approved (ACTIVE) certificate per agreement: the agreement's unique coi_id and its foreign key.
            jdbc.update("""
                    insert into insurance_cois (id, organization_id, project_id, sub_id, gc_id, status, broker_type,
                                                earliest_expiration, created_at, updated_at)
                    select md5('coi' || i)::uuid, ?, md5('project' || (i % ?))::uuid, md5('sub' || (i % ?))::uuid,
                           md5('gc')::uuid, 'ACTIVE', 'GLOBAL', current_date + 180 + (i % 365),
                           now() - interval '130 days' + (i * interval '120 days') / ?, now()
                    from generate_series(0, ? - 1) i""", organization, PROJECTS, SUBS, AGREEMENTS, AGREEMENTS);
            // Agreement i: created and sent over the last 120 days in order (i / N), status by i % 100.
            jdbc.update("""
                    insert into hold_harmless_agreements (id, organization_id, coi_id, project_id, sub_id, gc_id, status,
                        effective_date, expiration_date, envelope_id, document_id, completed_document_id,
                        sub_signer_name, sub_signer_email, gc_signer_name, gc_signer_email, sub_signed_at, sub_signed_by,
                        gc_signed_at, gc_signed_by, sent_at, completed_at, rejection_reason, rejected_at, rejected_by,
                        attempts, created_at, updated_at)
                    select md5('hh' || i)::uuid, ?, md5('coi' || i)::uuid, md5('project' || (i % ?))::uuid,
                           md5('sub' || (i % ?))::uuid, md5('gc')::uuid, t.status, current_date - 120 + (i * 120 / ?),
                           current_date + 245 + (i * 120 / ?), md5('envelope' || i)::uuid, md5('document' || i)::uuid,
                           case when t.status = 'COMPLETED' then md5('completed' || i)::uuid end,
                           'Signer ' || i, 'signer' || i || '@bench.test', 'GC Signer', 'pm@bench.test',
                           case when t.status in ('PENDING_GC_SIGNATURE', 'COMPLETED') then t.sent + interval '2 days' end,
                           case when t.status in ('PENDING_GC_SIGNATURE', 'COMPLETED') then 'signer' || i || '@bench.test' end,
                           case when t.status = 'COMPLETED' then t.sent + interval '4 days' end,
                           case when t.status = 'COMPLETED' then 'pm@bench.test' end,
                           t.sent,
                           case when t.status = 'COMPLETED' then t.sent + interval '4 days' end,
                           case when t.status = 'REJECTED' then 'Terms not accepted' end,
                           case when t.status = 'REJECTED' then t.sent + interval '3 days' end,
                           case when t.status = 'REJECTED' then 'signer' || i || '@bench.test' end,
                           1, t.sent - interval '1 minute', t.sent
                    from generate_series(0, ? - 1) i
                    cross join lateral (select case when i % 100 < 70 then 'COMPLETED'
                                                    when i % 100 < 85 then 'PENDING_SUB_SIGNATURE'
                                                    when i % 100 < 93 then 'PENDING_GC_SIGNATURE'
                                                    when i % 100 < 97 then 'REJECTED' else 'EXPIRED' end as status,
                                               now() - interval '120 days' + (i * interval '120 days') / ? as sent) t""",
                    organization, PROJECTS, SUBS, AGREEMENTS, AGREEMENTS, AGREEMENTS, AGREEMENTS);
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
