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
import java.util.ArrayList;
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
 * Contract lists, approvals queue, detail and version comparison at scale (issue 14): one organization with
 * BENCH_CONTRACTS contracts (default 100,000; statuses mixed as in a live organization, owners among 200 USER members,
 * 30 % with 2-5 versions, a legal approval for every submitted one, 5 % shared with a colleague, bodies of a few KB
 * cut from the seeded global templates' text) and a second organization with a tenth of that, so that the tenant
 * filter has rows to skip. p50 and p95 over HTTP (bearer token) against the statements the service runs, run directly
 * over JDBC in the same run, interleaved one by one. {@code BENCH_EXPLAIN=1} prints EXPLAIN (ANALYZE) of each
 * statement.
 *
 * <p>Run by {@code bench/contracts.sh} (see bench/README.md), with the application's test classpath.
 */
public class ContractsBench {

    static final int CONTRACTS = Integer.parseInt(env("BENCH_CONTRACTS", "100000"));
    static final int OTHER = Integer.parseInt(env("BENCH_OTHER_CONTRACTS", String.valueOf(Math.max(1, CONTRACTS / 10))));
    static final int OWNERS = Integer.parseInt(env("BENCH_OWNERS", "200"));
    static final int SAMPLES = Integer.parseInt(env("BENCH_SAMPLES", "100"));
    static final int WARMUP = Integer.parseInt(env("BENCH_WARMUP", "20"));
    static final boolean EXPLAIN = "1".equals(System.getenv("BENCH_EXPLAIN"));
    static final String ADMIN_URL = env("BENCH_DATABASE_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String PASSWORD = "Bench-Password-2026";
    static final String Q = "indemnif";

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Covenant contracts benchmark, %s, %d CPUs, Java %s, %s; %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.name") + " " + System.getProperty("os.arch"), load());
        String database = "covenant_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + database);
        Path dataDir = Files.createTempDirectory("covenant-contracts-bench");
        try (ConfigurableApplicationContext app = start(database, dataDir)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String port = app.getEnvironment().getProperty("local.server.port");
            long started = System.nanoTime();
            Data data = Data.generate(jdbc);
            System.out.printf(Locale.ROOT, "Data: %,d contracts (%s), %,d versions, %,d approvals, %,d shares in %.1f s%n",
                    count(jdbc, "contracts"), jdbc.queryForList("select status || ' ' || count(*) from contracts"
                            + " where organization_id = ? group by status order by 1", String.class, data.organization),
                    count(jdbc, "contract_versions"), count(jdbc, "contract_approvals"), count(jdbc, "contract_shares"),
                    (System.nanoTime() - started) / 1e9);
            String base = "http://127.0.0.1:" + port;
            Http legal = new Http(base, data.legalEmail);
            Http user = new Http(base, data.userEmail);
            Direct direct = new Direct(jdbc, data);
            List<Case> cases = new ArrayList<>(List.of(
                    new Case("GET /contracts, page 1 (legal, org-wide)",
                            () -> legal.get("/api/v1/contracts?page=0&size=20", "\"content\""), () -> direct.list(false, null, null)),
                    new Case("GET /contracts, page 1 (USER: own + shared)",
                            () -> user.get("/api/v1/contracts?page=0&size=20", "\"content\""), () -> direct.list(true, null, null)),
                    new Case("GET /contracts?status=SENT_TO_LEGAL (legal)",
                            () -> legal.get("/api/v1/contracts?status=SENT_TO_LEGAL&page=0&size=20", "\"content\""),
                            () -> direct.list(false, "SENT_TO_LEGAL", null)),
                    new Case("GET /contracts?q=" + Q + " (legal)",
                            () -> legal.get("/api/v1/contracts?q=" + Q + "&page=0&size=20", "\"content\""),
                            () -> direct.list(false, null, Q)),
                    new Case("GET /approvals/pending?type=LEGAL (legal)",
                            () -> legal.get("/api/v1/approvals/pending?type=LEGAL&page=0&size=20", "\"content\""),
                            direct::pending),
                    new Case("GET / (home page, legal's contract cards)",
                            () -> legal.get("/", "<html"), direct::homeCards),
                    new Case("GET /contracts/{id} (legal)",
                            () -> legal.get("/api/v1/contracts/" + data.probe, "\"reference\""), direct::detail),
                    new Case("GET /contracts/{id}/versions/compare (~30 pages)",
                            () -> legal.get("/api/v1/contracts/" + data.longContract + "/versions/compare?from=1&to=2", "\"from\""),
                            direct::compare)));
            if (EXPLAIN) {
                direct.explain();
            }
            System.out.printf(Locale.ROOT, "%nWarm-up %d of each, then %d of each, HTTP and direct SQL interleaved one by one%n",
                    WARMUP, SAMPLES);
            System.out.printf(Locale.ROOT, "  %-50s %10s %10s %10s %10s   %s%n", "request", "HTTP p50", "HTTP p95",
                    "SQL p50", "SQL p95", "ratio HTTP/SQL");
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

    /** One request, measured both ways; each sample answers its duration in nanoseconds. */
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
            double h95 = percentile(overHttp, 95);
            double s50 = percentile(direct, 50);
            double s95 = percentile(direct, 95);
            System.out.printf(Locale.ROOT, "  %-50s %8.2f ms %7.2f ms %7.2f ms %7.2f ms   p50 %.1fx, p95 %.1fx%n",
                    name, h50, h95, s50, s95, h50 / s50, h95 / s95);
        }

        static double percentile(long[] nanos, int p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    /** The API (and the home page) over loopback, with one signed-in user's bearer token. */
    static final class Http {
        private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String email;
        private volatile String token;

        Http(String base, String email) throws Exception {
            this.base = base;
            this.email = email;
            this.token = signIn();
        }

        /** A fresh access token (a long run outlives one: a 401 signs in again, outside the timed sample). */
        private String signIn() throws Exception {
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = TOKEN.matcher(login.body());
            if (login.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("Sign-in failed: " + login.statusCode() + " " + login.body());
            }
            return matcher.group(1);
        }

        long get(String path, String expect) {
            long nanos = timed(path, expect);
            return nanos >= 0 ? nanos : timed(path, expect);
        }

        private long timed(String path, String expect) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 401) {
                    token = signIn();
                    return -1;
                }
                if (response.statusCode() != 200 || !response.body().contains(expect)) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                            + response.body().substring(0, Math.min(500, response.body().length())));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - start;
        }
    }

    /**
     * The statements the service runs (as Hibernate writes them, in substance): for a list the count and the page
     * (whole rows, newest first; a USER's narrowed to own or shared); for the queue the open approvals and their
     * contracts; for the home cards the queue's count and the sent-back count; for the detail the row (and the
     * share check); for the comparison the two versions.
     */
    static final class Direct {
        private final JdbcTemplate jdbc;
        private final Data data;

        Direct(JdbcTemplate jdbc, Data data) {
            this.jdbc = jdbc;
            this.data = data;
        }

        /** What the service reads first for a caller without contract:read-all: the ids shared with them. */
        static final String SHARED = "select s.contract_id from contract_shares s join contracts x on x.id = s.contract_id"
                + " where s.user_id = ? and x.organization_id = ?";

        List<UUID> shared() {
            return jdbc.queryForList(SHARED, UUID.class, data.user, data.organization);
        }

        static String where(boolean own, List<UUID> shared, String status, String q) {
            return " where c.organization_id = ?"
                    + (own ? " and (c.owner_id = ?" + (shared.isEmpty() ? "" : " or c.id in ("
                    + String.join(", ", shared.stream().map(id -> "?").toList()) + ")") + ")" : "")
                    + (status == null ? "" : " and c.status = ?")
                    + (q == null ? "" : " and (lower(c.title) like ? escape '\\' or lower(c.reference) like ? escape '\\'"
                    + " or lower(c.counterparty_name) like ? escape '\\' or lower(c.counterparty_business_name)"
                    + " like ? escape '\\' or lower(c.search_text) like ? escape '\\')");
        }

        Object[] args(boolean own, List<UUID> shared, String status, String q) {
            List<Object> args = new ArrayList<>();
            args.add(data.organization);
            if (own) {
                args.add(data.user);
                args.addAll(shared);
            }
            if (status != null) {
                args.add(status);
            }
            if (q != null) {
                for (int i = 0; i < 5; i++) {
                    args.add("%" + q + "%");
                }
            }
            return args.toArray();
        }

        List<String> statements(boolean own, List<UUID> shared, String status, String q) {
            String where = where(own, shared, status, q);
            return List.of("select count(*) from contracts c" + where,
                    "select c.* from contracts c" + where + " order by c.created_at desc, c.id offset 0 rows fetch first 20 rows only");
        }

        long list(boolean own, String status, String q) {
            long start = System.nanoTime();
            List<UUID> shared = own ? shared() : List.of();
            Object[] args = args(own, shared, status, q);
            List<String> sql = statements(own, shared, status, q);
            jdbc.queryForObject(sql.get(0), Long.class, args);
            jdbc.queryForList(sql.get(1), args);
            return System.nanoTime() - start;
        }

        static final String PENDING = "select a.*, c.reference, c.title, c.status from contract_approvals a, contracts c"
                + " where c.id = a.contract_id and a.organization_id = ? and c.organization_id = a.organization_id"
                + " and a.type = 'LEGAL' and a.status = 'PENDING' and a.closed_at is null and c.status = 'SENT_TO_LEGAL'"
                + " order by a.created_at, a.id limit 20";

        /** The queue's first page as one query, and its count (the home card's query). */
        long pending() {
            long start = System.nanoTime();
            jdbc.queryForList(PENDING, data.organization);
            jdbc.queryForObject(WAITING, Long.class, data.organization, data.legal, data.legal);
            return System.nanoTime() - start;
        }

        static final String WAITING = "select count(a.id) from contract_approvals a, contracts c where c.id = a.contract_id"
                + " and a.organization_id = ? and c.organization_id = a.organization_id and a.type = 'LEGAL' and a.status = 'PENDING' and a.closed_at is null"
                + " and c.status = 'SENT_TO_LEGAL' and (true = true or c.owner_id = ? or c.id in"
                + " (select s.contract_id from contract_shares s where s.user_id = ?))";
        static final String SENT_BACK = "select count(c.id) from contracts c where c.owner_id = ? and c.organization_id = ?"
                + " and c.status = 'REVISION_REQUESTED'";

        long homeCards() {
            long start = System.nanoTime();
            jdbc.queryForObject(WAITING, Long.class, data.organization, data.legal, data.legal);
            jdbc.queryForObject(SENT_BACK, Long.class, data.legal, data.organization);
            return System.nanoTime() - start;
        }

        long detail() {
            long start = System.nanoTime();
            jdbc.queryForList("select c.* from contracts c where c.id = ?", data.probe);
            return System.nanoTime() - start;
        }

        static final String VERSION = "select v.* from contract_versions v where v.contract_id = ? and v.number = ?";

        long compare() {
            long start = System.nanoTime();
            jdbc.queryForList("select c.* from contracts c where c.id = ?", data.longContract);
            jdbc.queryForList(VERSION, data.longContract, 1);
            jdbc.queryForList(VERSION, data.longContract, 2);
            return System.nanoTime() - start;
        }

        void explain() {
            System.out.println();
            List<UUID> none = List.of();
            List<UUID> shared = shared();
            explain("list, legal: count", statements(false, none, null, null).get(0), args(false, none, null, null));
            explain("list, legal: page", statements(false, none, null, null).get(1), args(false, none, null, null));
            explain("list, USER: count", statements(true, shared, null, null).get(0), args(true, shared, null, null));
            explain("list, USER: page", statements(true, shared, null, null).get(1), args(true, shared, null, null));
            explain("list, status: count", statements(false, none, "SENT_TO_LEGAL", null).get(0),
                    args(false, none, "SENT_TO_LEGAL", null));
            explain("list, q: count", statements(false, none, null, Q).get(0), args(false, none, null, Q));
            explain("list, q: page", statements(false, none, null, Q).get(1), args(false, none, null, Q));
            explain("pending approvals", PENDING, data.organization);
            explain("home: legal queue count", WAITING, data.organization, data.legal, data.legal);
            explain("home: sent back count", SENT_BACK, data.legal, data.organization);
        }

        void explain(String name, String sql, Object... args) {
            System.out.println("EXPLAIN " + name + ": " + sql);
            jdbc.queryForList("explain (analyze, buffers off) " + sql, String.class, args)
                    .forEach(line -> System.out.println("    " + line));
        }
    }

    /** Set-based generation of the two organizations (seconds to a minute or two, not hours). */
    record Data(UUID organization, UUID legal, String legalEmail, UUID user, String userEmail, UUID probe,
                UUID longContract) {

        static Data generate(JdbcTemplate jdbc) {
            UUID organization = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            String hash = new BCryptPasswordEncoder(12).encode(PASSWORD);
            organization(jdbc, organization, "BENCH", "Bench Holdings", "b", OWNERS, hash);
            organization(jdbc, other, "OTHER", "Other Holdings", "o", Math.max(2, OWNERS / 10), hash);
            // The text of the seeded global templates, tags kept: contract bodies are cut from it.
            jdbc.update("create table bench_text as select string_agg(body_html, ' ' order by id) as html"
                    + " from contract_template_versions");
            contracts(jdbc, organization, "b", "CTR-", CONTRACTS, OWNERS);
            contracts(jdbc, other, "o", "OTH-", OTHER, Math.max(2, OWNERS / 10));
            // A ~30-page contract (about 90,000 characters) with two versions that differ here and there.
            UUID longContract = UUID.randomUUID();
            UUID legal = jdbc.queryForObject("select id from users where email = 'b-legal@bench.test'", UUID.class);
            jdbc.update("""
                    insert into contracts (id, organization_id, reference, title, counterparty_name, currency, body_html,
                        annexures, variable_values, search_text, body_sha256, owner_id, status, current_version,
                        approval_round, created_at, updated_at)
                    select ?, ?, 'CTR-LONG', 'Master services agreement (long)', 'Long Counterparty LLC', 'USD', b.body,
                        '[]', '{}', lower(b.body), md5(b.body), ?, 'DRAFT', 2, 0, now() - interval '400 days', now()
                    from (select substr(repeat(html, 1 + 90000 / greatest(1, length(html))), 1, 90000) as body from bench_text) b""",
                    longContract, organization, legal);
            jdbc.update("""
                    insert into contract_versions (id, contract_id, number, kind, author_id, created_at, fields, body_html,
                        annexures, variable_values, body_sha256, changed_fields)
                    select md5(?::text || n)::uuid, c.id, n, case n when 1 then 'CREATED' else 'EDITED' end, c.owner_id,
                        c.created_at + n * interval '1 day', '{"title":"Master services agreement (long)","currency":"USD"}',
                        case n when 1 then replace(c.body_html, 'shall', 'will') else c.body_html end, '[]', '{}',
                        md5(c.body_html || n), '["body"]'
                    from contracts c cross join generate_series(1, 2) n where c.id = ?""", longContract, longContract);
            jdbc.execute("drop table bench_text");
            jdbc.execute("analyze");
            UUID user = jdbc.queryForObject("select id from users where email = 'b-user0@bench.test'", UUID.class);
            UUID probe = jdbc.queryForObject("select id from contracts where reference = 'CTR-" + (CONTRACTS / 2) + "'",
                    UUID.class);
            return new Data(organization, legal, "b-legal@bench.test", user, "b-user0@bench.test", probe, longContract);
        }

        /** The organization, one LEGAL_MANAGER and {@code owners} USER members. */
        static void organization(JdbcTemplate jdbc, UUID id, String code, String name, String prefix, int owners,
                                 String hash) {
            jdbc.update("insert into organizations (id, code, name, type, active, settings, created_at) "
                    + "values (?, ?, ?, 'ENTITY', true, '{}', now())", id, code, name);
            jdbc.update("""
                    insert into users (id, email, email_normalized, name, password_hash, status, email_verified,
                        must_change_password, created_at, updated_at)
                    select md5(? || u)::uuid, ? || '-' || case when u < 0 then 'legal' else 'user' || u end || '@bench.test',
                        ? || '-' || case when u < 0 then 'legal' else 'user' || u end || '@bench.test',
                        'Bench ' || u, ?, 'ACTIVE', true, false, now(), now()
                    from generate_series(-1, ? - 1) u""", prefix, prefix, prefix, hash, owners);
            jdbc.update("""
                    insert into memberships (id, user_id, organization_id, role_id, created_at, status)
                    select md5(? || 'm' || u)::uuid, md5(? || u)::uuid, ?, r.id, now(), 'ACTIVE'
                    from generate_series(-1, ? - 1) u join roles r on r.scope_key = 'system'
                     and r.code = case when u < 0 then 'LEGAL_MANAGER' else 'USER' end""", prefix, prefix, id, owners);
        }

        /**
         * {@code n} contracts; contract i: status by i % 100, owner i % owners, created over the last two years in
         * order; versions 2-5 for i % 10 < 3; the legal approval of round 1 for every submitted one, finance's for
         * those with finance; shared with the next owner for i % 20 = 0.
         */
        static void contracts(JdbcTemplate jdbc, UUID organization, String prefix, String reference, int n, int owners) {
            jdbc.update("""
                    insert into contracts (id, organization_id, reference, title, counterparty_name, currency, body_html,
                        annexures, variable_values, search_text, body_sha256, owner_id, status, current_version,
                        approval_round, submitted_at, created_at, updated_at)
                    select md5(? || 'c' || i)::uuid, ?, ? || i, 'Agreement ' || i || ' with ' || (array['Acme', 'Globex',
                        'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay'])[1 + i % 8] || ' ' || (i % 997),
                        'Counterparty ' || (i % 5000) || ' LLC', 'USD', t.body, '[]', '{}', lower(t.body), md5(t.body),
                        md5(? || (i % ?))::uuid, s.status, case when i % 10 < 3 then 2 + i % 4 else 1 end,
                        case when s.status in ('DRAFT') then 0 else 1 end,
                        case when s.status not in ('DRAFT') then s.created + interval '1 day' end, s.created, s.created
                    from generate_series(0, ? - 1) i
                    cross join bench_text x
                    cross join lateral (select 'Contract ' || i || '. ' || substr(x.html, 1 + (i * 7919) % greatest(1,
                        length(x.html) - 4000), 3000 + i % 2000) as body) t
                    cross join lateral (select case when i % 100 < 25 then 'DRAFT' when i % 100 < 33 then 'SENT_TO_LEGAL'
                        when i % 100 < 34 then 'PENDING_LEGAL_HEAD' when i % 100 < 37 then 'SENT_TO_FINANCE'
                        when i % 100 < 42 then 'REVISION_REQUESTED' when i % 100 < 47 then 'APPROVED'
                        when i % 100 < 50 then 'REJECTED' when i % 100 < 55 then 'SENT_TO_COUNTERPARTY'
                        when i % 100 < 88 then 'ACTIVE' when i % 100 < 94 then 'EXPIRED' when i % 100 < 96 then 'TERMINATED'
                        else 'CANCELLED' end as status,
                        now() - interval '730 days' + (i * interval '730 days') / ? as created) s""",
                    prefix, organization, reference, prefix, owners, n, n);
            jdbc.update("""
                    insert into contract_versions (id, contract_id, number, kind, author_id, created_at, fields, body_html,
                        annexures, variable_values, body_sha256, changed_fields)
                    select md5(c.id::text || v)::uuid, c.id, v, case v when 1 then 'CREATED' else 'EDITED' end, c.owner_id,
                        c.created_at + (v - 1) * interval '1 hour', '{"title":"' || c.reference || '","currency":"USD"}',
                        c.body_html, '[]', '{}', c.body_sha256, case v when 1 then '[]' else '["body"]' end
                    from contracts c cross join lateral generate_series(1, c.current_version) v
                    where c.organization_id = ?""", organization);
            jdbc.update("""
                    insert into contract_approvals (id, contract_id, organization_id, round, type, status, actor_id, acted_at,
                        closed_at, created_at)
                    select md5(c.id::text || 'legal')::uuid, c.id, c.organization_id, 1, 'LEGAL',
                        case c.status when 'SENT_TO_LEGAL' then 'PENDING' when 'PENDING_LEGAL_HEAD' then 'ESCALATED'
                            when 'REVISION_REQUESTED' then 'REVISION_REQUESTED' when 'REJECTED' then 'REJECTED'
                            when 'CANCELLED' then 'PENDING' else 'APPROVED' end,
                        case when c.status not in ('SENT_TO_LEGAL', 'PENDING_LEGAL_HEAD', 'CANCELLED') then md5(? || '-1')::uuid end,
                        case when c.status not in ('SENT_TO_LEGAL', 'PENDING_LEGAL_HEAD', 'CANCELLED') then c.submitted_at + interval '1 day' end,
                        case when c.status = 'CANCELLED' then c.submitted_at + interval '2 days' end, c.submitted_at
                    from contracts c where c.organization_id = ? and c.status <> 'DRAFT'""", prefix, organization);
            jdbc.update("""
                    insert into contract_approvals (id, contract_id, organization_id, round, type, status, created_at)
                    select md5(c.id::text || 'finance')::uuid, c.id, c.organization_id, 1, 'FINANCE', 'PENDING',
                        c.submitted_at + interval '1 day'
                    from contracts c where c.organization_id = ? and c.status = 'SENT_TO_FINANCE'""", organization);
            jdbc.update("""
                    insert into contract_shares (contract_id, user_id, shared_by, created_at)
                    select c.id, md5(? || ((substr(c.reference, length(?) + 1)::int / 20 + 1) % ?))::uuid, c.owner_id, now()
                    from contracts c where c.organization_id = ? and substr(c.reference, length(?) + 1)::int % 20 = 0""",
                    prefix, reference, owners, organization, reference);
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
