import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Covenant's benchmarks of issue 3, against a running application on this machine (loopback only):
 *
 * <ol>
 *   <li>the cost of the security chain: requests per second and p50/p99 latency of the authenticated
 *       {@code GET /api/v1/auth/me} vs. the public {@code GET /health}, same client, same concurrency,
 *       alternating rounds in one run (goal: less than 2x); plus {@code /health} sent with the token, which
 *       isolates the chain (token check, revocation, caller loading) from /me's own work;</li>
 *   <li>sign-in latency vs. one bcrypt check at the configured cost: median of N sign-ins over HTTP vs.
 *       median of N {@code BCryptPasswordEncoder(cost).matches} in this process, interleaved one by one
 *       (goal: within 10%).</li>
 * </ol>
 *
 * Run by {@code bench/run.sh}; alone: {@code java -cp <spring-security-crypto.jar:commons-logging.jar>
 * bench/Bench.java} with the settings below as environment variables.
 */
public class Bench {

    static final String BASE_URL = env("BENCH_BASE_URL", "http://127.0.0.1:18080");
    static final String EMAIL = env("BENCH_EMAIL", "admin@covenant.test");
    static final String PASSWORD = env("BENCH_PASSWORD", "Covenant-Demo-2026");
    static final int CONCURRENCY = Integer.parseInt(env("BENCH_CONCURRENCY", "16"));
    static final int ROUNDS = Integer.parseInt(env("BENCH_ROUNDS", "3"));
    static final Duration ROUND = Duration.ofSeconds(Long.parseLong(env("BENCH_ROUND_SECONDS", "10")));
    static final Duration WARMUP = Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP_SECONDS", "10")));
    static final long MAX_REQUESTS_PER_ROUND = Long.parseLong(env("BENCH_MAX_REQUESTS_PER_ROUND", "500000"));
    static final int SIGN_INS = Integer.parseInt(env("BENCH_SIGN_INS", "30"));
    static final int BCRYPT_COST = Integer.parseInt(env("BCRYPT_COST", "12"));

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    public static void main(String[] args) throws Exception {
        requireLoopback(URI.create(BASE_URL));
        System.out.printf(Locale.ROOT, "Covenant benchmark, %s, %d CPUs, Java %s, %s, target %s; %s%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.name") + " " + System.getProperty("os.arch"), BASE_URL, load());
        String token = signIn().token();

        securityChain(token);
        signInVersusBcrypt();
        // Client and application share the machine's CPUs; other work on it shows up here.
        System.out.printf(Locale.ROOT, "%nDone; %s%n", load());
    }

    // --- (a) security chain ---------------------------------------------------------------------------

    static void securityChain(String token) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create(BASE_URL + "/health")).GET().build();
        HttpRequest me = HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/auth/me"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        // The same public endpoint with the token: the chain authenticates whatever carries one, so this row is
        // the security chain's own cost without /me's work (reading the account, organization and permissions).
        HttpRequest healthWithToken = HttpRequest.newBuilder(URI.create(BASE_URL + "/health"))
                .header("Authorization", "Bearer " + token).GET().build();
        System.out.printf(Locale.ROOT, "%n(a) Security chain: %d concurrent clients (virtual threads), warm-up %ds, "
                        + "then %d alternating rounds of %ds per endpoint (at most %d requests a round)%n",
                CONCURRENCY, WARMUP.toSeconds(), ROUNDS, ROUND.toSeconds(), MAX_REQUESTS_PER_ROUND);
        load(health, WARMUP.dividedBy(3), null);
        load(healthWithToken, WARMUP.dividedBy(3), null);
        load(me, WARMUP.dividedBy(3), null);
        Stats healthStats = new Stats();
        Stats tokenStats = new Stats();
        Stats meStats = new Stats();
        for (int round = 0; round < ROUNDS; round++) {
            // Alternating rounds, so a background hiccup or GC hits every side alike.
            load(health, ROUND, healthStats);
            load(me, ROUND, meStats);
            load(healthWithToken, ROUND, tokenStats);
        }
        System.out.printf(Locale.ROOT, "  %-28s %10s %9s %9s %9s %8s%n", "endpoint", "requests", "req/s", "p50 ms",
                "p99 ms", "errors");
        healthStats.print("GET /health (public)");
        meStats.print("GET /api/v1/auth/me (auth)");
        tokenStats.print("GET /health + Bearer token");
        double throughputRatio = healthStats.rps() / meStats.rps();
        double p50Ratio = meStats.percentile(50) / healthStats.percentile(50);
        double p99Ratio = meStats.percentile(99) / healthStats.percentile(99);
        System.out.printf(Locale.ROOT, "  ratio /health : /me  throughput %.2fx, p50 %.2fx, p99 %.2fx  (goal < 2x: %s)%n",
                throughputRatio, p50Ratio, p99Ratio,
                throughputRatio < 2 && p99Ratio < 2 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "  ratio /health : /health + token (the chain alone)  throughput %.2fx, p50 %.2fx, "
                        + "p99 %.2fx%n", healthStats.rps() / tokenStats.rps(),
                tokenStats.percentile(50) / healthStats.percentile(50), tokenStats.percentile(99) / healthStats.percentile(99));
        if (healthStats.errors.get() + meStats.errors.get() + tokenStats.errors.get() > 0) {
            System.out.println("  WARNING: some requests failed (see errors); the numbers above are not comparable.");
        }
    }

    /** {@code CONCURRENCY} virtual threads sending {@code request} back to back for {@code duration}. */
    static void load(HttpRequest request, Duration duration, Stats stats) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong budget = new AtomicLong(MAX_REQUESTS_PER_ROUND);
        long started = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<long[]>> results = new ArrayList<>();
            for (int i = 0; i < CONCURRENCY; i++) {
                results.add(workers.submit(() -> {
                    long[] latencies = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() != 200 && stats != null) {
                            stats.errors.incrementAndGet();
                            stats.lastError = response.statusCode() + " " + new String(response.body());
                        }
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = took;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            for (Future<long[]> result : results) {
                long[] latencies = result.get();
                if (stats != null) {
                    stats.add(latencies);
                }
            }
        }
        if (stats != null) {
            stats.elapsedNanos += System.nanoTime() - started;
        }
    }

    static final class Stats {
        final List<long[]> parts = new ArrayList<>();
        final AtomicLong errors = new AtomicLong();
        volatile String lastError;
        long elapsedNanos;
        long[] sorted;

        synchronized void add(long[] latencies) {
            parts.add(latencies);
            sorted = null;
        }

        long count() {
            return parts.stream().mapToLong(part -> part.length).sum();
        }

        double rps() {
            return count() / (elapsedNanos / 1e9);
        }

        double percentile(double p) {
            if (sorted == null) {
                sorted = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
        }

        void print(String name) {
            System.out.printf(Locale.ROOT, "  %-28s %10d %9.0f %9.2f %9.2f %8d%n", name, count(), rps(), percentile(50),
                    percentile(99), errors.get());
            if (lastError != null) {
                System.out.println("    last error: " + lastError.substring(0, Math.min(200, lastError.length())));
            }
        }
    }

    // --- (b) sign-in vs bcrypt ------------------------------------------------------------------------

    static void signInVersusBcrypt() throws Exception {
        Class<?> encoderType = Class.forName("org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder");
        Object encoder = encoderType.getConstructor(int.class).newInstance(BCRYPT_COST);
        Method encode = encoderType.getMethod("encode", CharSequence.class);
        Method matches = encoderType.getMethod("matches", CharSequence.class, String.class);
        String hash = (String) encode.invoke(encoder, PASSWORD);
        System.out.printf(Locale.ROOT, "%n(b) Sign-in vs one bcrypt check at cost %d: %d of each, interleaved one by one "
                + "(sequential: latency, not throughput)%n", BCRYPT_COST, SIGN_INS);
        for (int i = 0; i < 3; i++) { // warm-up both sides
            signIn();
            matches.invoke(encoder, PASSWORD, hash);
        }
        long[] signIns = new long[SIGN_INS];
        long[] checks = new long[SIGN_INS];
        for (int i = 0; i < SIGN_INS; i++) {
            signIns[i] = signIn().nanos();
            long start = System.nanoTime();
            if (!(Boolean) matches.invoke(encoder, PASSWORD, hash)) {
                throw new IllegalStateException("bcrypt did not match its own hash");
            }
            checks[i] = System.nanoTime() - start;
        }
        double signInMedian = median(signIns);
        double bcryptMedian = median(checks);
        double ratio = signInMedian / bcryptMedian;
        System.out.printf(Locale.ROOT, "  sign-in over HTTP (POST /api/v1/auth/login)  median %7.1f ms  (min %.1f, max %.1f)%n",
                signInMedian, min(signIns), max(signIns));
        System.out.printf(Locale.ROOT, "  BCryptPasswordEncoder(%d).matches in-process median %7.1f ms  (min %.1f, max %.1f)%n",
                BCRYPT_COST, bcryptMedian, min(checks), max(checks));
        System.out.printf(Locale.ROOT, "  ratio sign-in : bcrypt %.3f  (+%.1f ms; goal within 10%%: %s)%n", ratio,
                signInMedian - bcryptMedian, ratio <= 1.10 ? "met" : "NOT met");
    }

    record SignedIn(String token, long nanos) {
    }

    static SignedIn signIn() throws Exception {
        String body = "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Sign-in of " + EMAIL + " answered " + response.statusCode() + ": "
                    + response.body() + (response.statusCode() == 429
                    ? " (rate limited: start the application with AUTH_RATE_LIMIT_PER_MINUTE raised, see bench/README.md)" : ""));
        }
        Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("No accessToken in the sign-in answer: " + response.body());
        }
        return new SignedIn(token.group(1), took);
    }

    // --- helpers --------------------------------------------------------------------------------------

    static void requireLoopback(URI base) throws Exception {
        for (InetAddress address : InetAddress.getAllByName(base.getHost())) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("Benchmarks run against this machine only (loopback), not " + base);
            }
        }
    }

    static String load() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "load average unknown" : String.format(Locale.ROOT, "load average %.2f", load);
    }

    static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
    }

    static double min(long[] nanos) {
        return Arrays.stream(nanos).min().orElse(0) / 1e6;
    }

    static double max(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0) / 1e6;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
