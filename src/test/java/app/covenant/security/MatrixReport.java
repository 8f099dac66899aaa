package app.covenant.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the matrix did, printed after the run: its size, and the allowed calls that answered 5xx —
 * past authorization, so no failure of this test, but a bug somewhere worth a look.
 */
final class MatrixReport {

    private final AtomicInteger calls = new AtomicInteger();
    private final Map<String, List<String>> serverErrors = new TreeMap<>();
    private final Map<String, String> serverErrorSamples = new TreeMap<>();

    void called() {
        calls.incrementAndGet();
    }

    synchronized void serverError(Endpoint endpoint, String caller, MatrixHttp.Response response) {
        serverErrors.computeIfAbsent(endpoint.toString(), key -> new ArrayList<>()).add(caller);
        String answer = response.toString();
        serverErrorSamples.putIfAbsent(endpoint.toString(), answer.length() > 160 ? answer.substring(0, 160) : answer);
    }

    synchronized void print(int endpoints, int roles, String csrfStyle) {
        System.out.printf("Authorization matrix: %d endpoints x %d callers (%d roles + anonymous) = %d cells, "
                        + "plus another organization's users on every id; %d HTTP calls; CSRF header style %s%n",
                endpoints, roles + 1, roles, endpoints * (roles + 1L), calls.get(), csrfStyle);
        if (!serverErrors.isEmpty()) {
            System.out.println("Allowed calls that answered 5xx (past authorization, so no failure here, but a bug):");
            serverErrors.forEach((endpoint, callers) -> System.out.println("  " + endpoint + " as " + callers + ": "
                    + serverErrorSamples.get(endpoint)));
        }
    }
}
