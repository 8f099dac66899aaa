package app.covenant.platform.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The source guides' {@code DATABASE_URL}
 * ({@code postgresql://user:pass@host:5432/db?schema=public&connection_limit=20&pool_timeout=10&sslmode=require})
 * translated into JDBC and connection-pool settings. A {@code jdbc:} URL is taken as it is.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password, Integer maximumPoolSize,
                          Long connectionTimeoutMs) {

    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /** Query parameters that pgjdbc understands under another name. */
    private static final Map<String, String> RENAMED = Map.of(
            "schema", "currentSchema",
            "connect_timeout", "connectTimeout",
            "socket_timeout", "socketTimeout",
            "application_name", "ApplicationName");

    /** Passed to pgjdbc unchanged. */
    private static final Set<String> PASSED_THROUGH = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey",
            "currentSchema", "connectTimeout", "socketTimeout", "ApplicationName", "targetServerType");

    public static DatabaseUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("is empty");
        }
        String trimmed = value.trim();
        if (trimmed.startsWith("jdbc:")) {
            return new DatabaseUrl(trimmed, null, null, null, null);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid("is not a URL (" + e.getReason() + ")");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw invalid("must start with postgresql:// (or be a jdbc: URL)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("has no host");
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (database.isBlank()) {
            throw invalid("has no database name after the host");
        }
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            username = decode(userInfo[0]);
            password = userInfo.length > 1 ? decode(userInfo[1]) : null;
        }
        Map<String, String> jdbcParameters = new LinkedHashMap<>();
        Integer poolSize = null;
        Long connectionTimeoutMs = null;
        for (Map.Entry<String, String> parameter : queryParameters(uri.getRawQuery()).entrySet()) {
            String name = parameter.getKey();
            String parameterValue = parameter.getValue();
            switch (name) {
                case "connection_limit" -> poolSize = positiveInt(name, parameterValue);
                case "pool_timeout" -> connectionTimeoutMs = positiveInt(name, parameterValue) * 1000L;
                case "sslmode" -> {
                    if (!SSL_MODES.contains(parameterValue)) {
                        throw invalid("has sslmode=" + parameterValue + "; use one of " + SSL_MODES);
                    }
                    jdbcParameters.put("sslmode", parameterValue);
                }
                default -> {
                    String jdbcName = RENAMED.getOrDefault(name, name);
                    if (PASSED_THROUGH.contains(jdbcName)) {
                        jdbcParameters.put(jdbcName, parameterValue);
                    }
                    // Other Prisma-only options (pgbouncer, statement_cache_size, ...) have no JDBC meaning.
                }
            }
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[")
                ? "[" + uri.getHost() + "]" : uri.getHost();
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        StringBuilder jdbcUrl = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
                .append('/').append(database);
        if (!jdbcParameters.isEmpty()) {
            StringJoiner query = new StringJoiner("&", "?", "");
            jdbcParameters.forEach((k, v) -> query.add(k + "=" + v));
            jdbcUrl.append(query);
        }
        return new DatabaseUrl(jdbcUrl.toString(), username, password, poolSize, connectionTimeoutMs);
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isBlank()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(decode(nameAndValue[0]), nameAndValue.length > 1 ? decode(nameAndValue[1]) : "");
        }
        return parameters;
    }

    private static int positiveInt(String name, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid("has " + name + "=" + value + "; it must be a positive whole number");
    }

    /** Percent-decoding as in a URL, where {@code +} is a plus sign (it often is, in generated passwords). */
    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static InvalidConfigurationException invalid(String reason) {
        // Never echo the URL itself: it may carry the password.
        return new InvalidConfigurationException("DATABASE_URL " + reason);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***]";
    }
}
