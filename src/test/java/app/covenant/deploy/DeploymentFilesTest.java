package app.covenant.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.platform.config.DatabaseUrl;
import app.covenant.platform.migration.MigrationCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Guards the deployment files (Dockerfile, compose, Kubernetes manifests, environment template)
 * against silent breakage: they are not exercised by any other test, and Docker is not available
 * where the build runs. Plain file reading; only the check that the shipped ConfigMap is a configuration
 * the application accepts binds it (no database, no server).
 */
class DeploymentFilesTest {

    private static final Path K8S = Path.of("deploy/k8s");
    private static final Path COMPOSE = Path.of("docker-compose.production.yml");
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path DOCKERIGNORE = Path.of(".dockerignore");
    private static final Path ENV_TEMPLATE = Path.of(".env.production.template");
    private static final Path MAIN_RESOURCES = Path.of("src/main/resources");
    private static final Path RUNBOOK = Path.of("docs/operations.md");
    private static final int HIKARI_DEFAULT_POOL = 10;
    private static final int POSTGRESQL_DEFAULT_MAX_CONNECTIONS = 100;
    private static final int SUPERUSER_RESERVED_CONNECTIONS = 3;

    private static final String SECRET_NAME = "covenant-secrets";
    private static final String CONFIG_MAP_NAME = "covenant-config";
    private static final String MIGRATE_ONLY = "--migrate-only";

    /** SECURITY.md "Operations" plus what the application reads or will read. */
    private static final List<String> DOCUMENTED_VARIABLES = List.of(
            "PORT", "APP_ENV", "DATABASE_URL", "REDIS_URL", "JWT_SECRET", "JWT_EXPIRES_IN",
            "JWT_REFRESH_EXPIRES_IN", "CORS_ORIGINS", "CORS_ORIGIN", "EMAIL_PROVIDER", "SMTP_HOST", "SMTP_PORT",
            "SMTP_USER", "SMTP_PASS", "SENDGRID_API_KEY", "AWS_SES_REGION", "AWS_SES_ACCESS_KEY",
            "AWS_SES_SECRET_KEY", "EMAIL_FROM", "STORAGE_PROVIDER", "AWS_S3_BUCKET", "AWS_S3_REGION",
            "AWS_S3_ACCESS_KEY", "AWS_S3_SECRET_KEY", "AWS_S3_ENDPOINT", "AZURE_STORAGE_CONNECTION_STRING",
            "AZURE_STORAGE_CONTAINER", "ENCRYPTION_KEY", "ENCRYPTION_SALT", "ADMIN_EMAIL", "ORG_NAME", "ORG_CODE",
            "AUDIT_LOG_RETENTION_DAYS", "FRONTEND_URL", "LOG_LEVEL", "SENTRY_DSN", "NYC_DOB_API_URL",
            "NYC_DOB_API_KEY", "NYC_DOB_CACHE_TTL", "GOOGLE_PLACES_API_KEY", "GOOGLE_PLACES_CACHE_TTL",
            "GEMINI_API_KEY", "MANAGEMENT_PORT", "SLOW_QUERY_MS", "MAX_BODY_SIZE", "UPLOAD_MAX_SIZE",
            "UPLOAD_MAX_REQUEST_SIZE", "API_DOCS_ENABLED", "DATA_DIR", "POSTGRES_PASSWORD");

    /** Template lines that must stay empty: a value here would be a secret on its way into git. */
    private static final Pattern SECRET_NAME_PATTERN =
            Pattern.compile(".*(SECRET|_PASS|PASSWORD|_API_KEY|ACCESS_KEY|ENCRYPTION_|CONNECTION_STRING|DSN).*");

    /** {@code NAME=value}, also commented out ({@code # NAME=}) for aliases that must stay unset. */
    private static final Pattern TEMPLATE_ENTRY = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=(.*)$");

    /** {@code ${NAME}}, {@code ${NAME:default}}, {@code ${NAME:?message}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.\\-]*)");

    @Nested
    class Yaml_files {

        static Stream<Path> yamlFiles() {
            return Stream.concat(listYaml(K8S).stream(), Stream.of(COMPOSE));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("yamlFiles")
        void parse_into_at_least_one_document(Path file) {
            List<Object> documents = loadAll(file);

            assertThat(documents).isNotEmpty().allSatisfy(document -> assertThat(document).isInstanceOf(Map.class));
        }

        static Stream<Path> manifests() {
            return listYaml(K8S).stream().filter(file -> !file.endsWith("kustomization.yaml"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("manifests")
        void kubernetes_manifests_name_their_kind_and_namespace(Path file) {
            Map<String, Object> manifest = single(file);

            assertThat(manifest).containsKeys("apiVersion", "kind", "metadata");
            if (!"Namespace".equals(manifest.get("kind"))) {
                assertThat(at(manifest, "metadata", "namespace")).as("namespace of %s", file).isEqualTo("covenant");
            }
        }
    }

    @Nested
    class Kubernetes {

        private final Map<String, Object> deployment = single(K8S.resolve("deployment.yaml"));
        private final Map<String, Object> container = onlyContainer(deployment);

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
                "startupProbe,   /health/liveness",
                "livenessProbe,  /health/liveness",
                "readinessProbe, /health/readiness"})
        void deployment_probes_the_health_endpoints_on_the_http_port(String probe, String path) {
            assertThat(at(container, probe, "httpGet", "path")).isEqualTo(path);
            assertThat(at(container, probe, "httpGet", "port")).isIn("http", 8080);
        }

        @ParameterizedTest(name = "{0}.{1}")
        @CsvSource({"requests, cpu", "requests, memory", "limits, cpu", "limits, memory"})
        void deployment_declares_resources(String kind, String resource) {
            assertThat(at(container, "resources", kind, resource)).isNotNull();
        }

        @Test
        void deployment_runs_as_the_images_non_root_user_on_a_read_only_filesystem() {
            assertThat(at(container, "securityContext", "runAsNonRoot")).isEqualTo(true);
            assertThat(at(container, "securityContext", "runAsUser")).isEqualTo(10001);
            assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(list(at(container, "securityContext", "capabilities", "drop"))).containsExactly("ALL");
            assertThat(volumeMountPaths(container)).as("writable /tmp beside the read-only root").contains("/tmp");
        }

        @Test
        void deployment_takes_secrets_only_from_the_covenant_secret() {
            assertThat(secretReferences(container)).isNotEmpty().containsOnly(SECRET_NAME);
            assertThat(configMapReferences(container)).containsExactly(CONFIG_MAP_NAME);
        }

        @Test
        void deployment_ports_match_the_configmap_and_the_scrape_annotations() {
            Map<String, Object> config = configMapData();
            Map<String, Object> ports = new LinkedHashMap<>();
            for (Object port : list(container.get("ports"))) {
                ports.put((String) at(port, "name"), at(port, "containerPort"));
            }
            Map<String, Object> annotations = map(at(deployment, "spec", "template", "metadata", "annotations"));

            assertThat(ports).containsEntry("http", Integer.valueOf((String) config.get("PORT")))
                    .containsEntry("management", Integer.valueOf((String) config.get("MANAGEMENT_PORT")));
            assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", config.get("MANAGEMENT_PORT"))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
        }

        @Test
        void deployment_rolls_out_without_losing_capacity() {
            assertThat(at(deployment, "spec", "replicas")).isEqualTo(2);
            assertThat(at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable")).isEqualTo(0);
            assertThat(list(at(deployment, "spec", "template", "spec", "topologySpreadConstraints"))).isNotEmpty();
        }

        @Test
        void service_pdb_and_hpa_point_at_the_deployment() {
            Object podLabels = at(deployment, "spec", "template", "metadata", "labels");

            assertThat(map(at(single(K8S.resolve("service.yaml")), "spec", "selector")))
                    .isEqualTo(podLabels);
            assertThat(map(at(single(K8S.resolve("pdb.yaml")), "spec", "selector", "matchLabels")))
                    .isEqualTo(podLabels);
            Map<String, Object> hpa = single(K8S.resolve("hpa.yaml"));
            assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(at(deployment, "metadata", "name"));
        }

        @Test
        void migrations_job_runs_the_same_image_with_the_same_configuration() {
            Map<String, Object> job = single(K8S.resolve("migrations-job.yaml"));
            Map<String, Object> migrate = onlyContainer(job);

            assertThat(job.get("kind")).isEqualTo("Job");
            assertThat(list(migrate.get("args"))).contains(MIGRATE_ONLY);
            assertThat(migrate.get("image")).isEqualTo(container.get("image"));
            assertThat(secretReferences(migrate)).containsExactly(SECRET_NAME);
            assertThat(configMapReferences(migrate)).containsExactly(CONFIG_MAP_NAME);
            assertThat(at(migrate, "securityContext")).isEqualTo(container.get("securityContext"));
            assertThat(at(job, "spec", "backoffLimit")).isNotNull();
            assertThat(at(job, "spec", "ttlSecondsAfterFinished")).isNotNull();
        }

        @Test
        void configmap_values_are_strings() {
            assertThat(configMapData().values()).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
        }

        @Test
        void configmap_has_no_empty_values() {
            assertThat(configMapData()).allSatisfy((name, value) ->
                    assertThat((String) value).as("%s: leave a setting out rather than empty", name).isNotBlank());
        }

        /** As shipped, with only the Secret's placeholders replaced, the configuration is one a pod starts with. */
        @Test
        void configmap_and_secret_pass_the_applications_configuration_check() {
            List<String> arguments = new ArrayList<>();
            configMapData().forEach((name, value) -> arguments.add("--" + name + "=" + value));
            map(single(K8S.resolve("secret.example.yaml")).get("stringData")).forEach((name, value) -> {
                String filled = ((String) value).contains("REPLACE_ME")
                        ? ((String) value).replaceAll("REPLACE_ME\\w*", "Zq8Rw3Ty6Ub1Ix5Oc9Pv2As7Dk4Fj0Gh")
                        : (String) value;
                arguments.add("--" + name + "=" + filled);
            });
            arguments.add("--DATA_DIR=target/configmap-check-data");

            MigrationCommand.checkConfiguration(arguments.toArray(String[]::new));
        }

        /** Every pod's pool plus the migrations job's stays under PostgreSQL's default max_connections. */
        @Test
        void database_connections_at_full_scale_stay_under_postgresqls_default_limit() {
            int maxReplicas = (Integer) at(single(K8S.resolve("hpa.yaml")), "spec", "maxReplicas");
            String databaseUrl = (String) map(single(K8S.resolve("secret.example.yaml")).get("stringData"))
                    .get("DATABASE_URL");
            Integer poolSize = DatabaseUrl.parse(databaseUrl).maximumPoolSize();
            int perPod = poolSize == null ? HIKARI_DEFAULT_POOL : poolSize;

            assertThat((Integer) at(deployment, "spec", "replicas")).isLessThanOrEqualTo(maxReplicas);
            assertThat((maxReplicas + 1) * perPod).as("(maxReplicas + migrations job) x connection_limit")
                    .isLessThanOrEqualTo(POSTGRESQL_DEFAULT_MAX_CONNECTIONS - SUPERUSER_RESERVED_CONNECTIONS);
            assertThat(read(RUNBOOK)).contains("max_connections", "maxReplicas: " + maxReplicas,
                    "connection_limit=" + perPod);
        }

        @Test
        void secret_example_is_the_secret_the_pods_reference() {
            Map<String, Object> secret = single(K8S.resolve("secret.example.yaml"));

            assertThat(secret.get("kind")).isEqualTo("Secret");
            assertThat(at(secret, "metadata", "name")).isEqualTo(SECRET_NAME);
            assertThat(map(secret.get("stringData")))
                    .containsKeys("DATABASE_URL", "REDIS_URL", "JWT_SECRET", "ENCRYPTION_KEY", "ENCRYPTION_SALT");
        }

        @Test
        void kustomization_lists_every_manifest_except_the_secret_example() {
            Set<String> expected = new TreeSet<>();
            for (Path file : listYaml(K8S)) {
                expected.add(file.getFileName().toString());
            }
            expected.removeAll(Set.of("kustomization.yaml", "secret.example.yaml"));

            Map<String, Object> kustomization = single(K8S.resolve("kustomization.yaml"));

            assertThat(list(kustomization.get("resources"))).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Nested
    class Compose {

        private final Map<String, Object> services = map(single(COMPOSE).get("services"));

        @Test
        void has_the_api_its_backing_services_and_the_migration() {
            assertThat(services).containsOnlyKeys("api", "postgres", "redis", "migrate");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"api", "postgres", "redis"})
        void long_running_services_have_a_healthcheck(String service) {
            assertThat(list(at(services, service, "healthcheck", "test"))).isNotEmpty();
        }

        @Test
        void migration_runs_once_before_the_api() {
            assertThat(list(at(services, "migrate", "command"))).containsExactly(MIGRATE_ONLY);
            assertThat(at(services, "migrate", "restart")).isEqualTo("no");
            assertThat(at(services, "api", "depends_on", "migrate", "condition"))
                    .isEqualTo("service_completed_successfully");
            assertThat(at(services, "api", "depends_on", "postgres", "condition")).isEqualTo("service_healthy");
            assertThat(at(services, "api", "depends_on", "redis", "condition")).isEqualTo("service_healthy");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"api", "migrate"})
        void application_services_build_this_repository_in_production_mode(String service) {
            assertThat(at(services, service, "build")).isEqualTo(".");
            assertThat(at(services, service, "env_file")).isEqualTo(".env.production");
            assertThat(map(at(services, service, "environment"))).containsEntry("APP_ENV", "production")
                    .containsKeys("DATABASE_URL", "REDIS_URL");
        }
    }

    @Nested
    class Dockerfile {

        private final List<String> instructions = dockerfileInstructions();

        @Test
        void builds_in_one_stage_and_runs_in_another() {
            assertThat(instructions).filteredOn(line -> line.startsWith("FROM ")).hasSizeGreaterThanOrEqualTo(2);
        }

        @Test
        void runs_as_a_non_root_user() {
            List<String> users = instructions.stream().filter(line -> line.startsWith("USER ")).toList();

            assertThat(users).isNotEmpty();
            String user = users.getLast().substring("USER ".length()).trim().split(":")[0];
            assertThat(user).isNotIn("root", "0");
        }

        @Test
        void has_a_healthcheck_and_starts_the_layered_application() {
            assertThat(instructions).anyMatch(line -> line.startsWith("HEALTHCHECK ") && line.contains("/health"));
            assertThat(instructions).anyMatch(line -> line.startsWith("ENTRYPOINT ")
                    && line.contains("\"-jar\",\"app.jar\""));
        }

        /** The start-time figures of the README depend on it (bench/startup.sh). */
        @Test
        void starts_with_the_ahead_of_time_class_cache_of_a_training_run() {
            int training = indexOf(line -> line.startsWith("RUN ") && line.contains("-XX:AOTCacheOutput=app.aot")
                    && line.contains("-Dspring.context.exit=onRefresh") && line.contains("-jar app.jar"));
            int lastCopy = instructions.stream().filter(line -> line.startsWith("COPY --from=")).map(instructions::lastIndexOf)
                    .max(Integer::compare).orElseThrow();
            int user = indexOf(line -> line.startsWith("USER "));

            assertThat(training).as("training run after the last layer and before switching to the user")
                    .isGreaterThan(lastCopy).isLessThan(user);
            assertThat(instructions).anyMatch(line -> line.startsWith("ENTRYPOINT ")
                    && line.contains("\"-XX:AOTCache=app.aot\""));
            assertThat(instructions).filteredOn(line -> line.startsWith("FROM "))
                    .allSatisfy(line -> assertThat(line).as("the AOT cache needs JDK 24+").contains(":25-"));
        }

        private int indexOf(Predicate<String> instruction) {
            for (int i = 0; i < instructions.size(); i++) {
                if (instruction.test(instructions.get(i))) {
                    return i;
                }
            }
            throw new AssertionError("No such instruction in the Dockerfile");
        }

        @Test
        void copies_the_layers_least_changing_first() {
            List<String> copies = instructions.stream().filter(line -> line.startsWith("COPY --from=")).toList();

            assertThat(copies).hasSize(4).satisfiesExactly(
                    layer("dependencies"), layer("spring-boot-loader"),
                    layer("snapshot-dependencies"), layer("application"));
        }

        /** The JVM announces these variables with a plain-text line ahead of the JSON log. */
        @Test
        void passes_jvm_options_on_the_command_line_not_in_announced_variables() {
            List<String> announced = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
            assertThat(instructions).filteredOn(line -> line.startsWith("ENV ") || line.startsWith("ARG "))
                    .allSatisfy(line -> assertThat(line).doesNotContain(announced));
            assertThat(read(COMPOSE)).doesNotContain(announced);
            for (Path manifest : listYaml(K8S)) {
                assertThat(read(manifest)).as("%s", manifest).doesNotContain(announced);
            }
            assertThat(instructions).anyMatch(line -> line.startsWith("ENTRYPOINT ") && line.contains("-XX:MaxRAMPercentage"));
        }

        @Test
        void keeps_secrets_and_build_output_out_of_the_context() {
            assertThat(read(DOCKERIGNORE).lines().map(String::trim)).contains("target", ".git", ".env*");
        }

        private static ThrowingConsumer<String> layer(String name) {
            return copy -> assertThat(copy).contains("/" + name + "/");
        }
    }

    @Nested
    class Environment_template {

        private final Map<String, String> template = templateEntries();

        static Stream<Arguments> variablesUsedByDeploymentFiles() {
            List<Arguments> variables = new ArrayList<>();
            composeVariables().forEach(name -> variables.add(Arguments.of(COMPOSE, name)));
            configMapData().keySet().forEach(name -> variables.add(Arguments.of(K8S.resolve("configmap.yaml"), name)));
            map(single(K8S.resolve("secret.example.yaml")).get("stringData")).keySet()
                    .forEach(name -> variables.add(Arguments.of(K8S.resolve("secret.example.yaml"), name)));
            return variables.stream();
        }

        static Stream<Arguments> placeholdersOfApplicationYaml() throws IOException {
            List<Arguments> placeholders = new ArrayList<>();
            try (Stream<Path> files = Files.list(MAIN_RESOURCES)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).sorted().toList()) {
                    placeholders(read(file)).stream()
                            .filter(name -> name.equals(name.toUpperCase())) // server.port etc. are properties
                            .forEach(name -> placeholders.add(Arguments.of(file.getFileName(), name)));
                }
            }
            return placeholders.stream();
        }

        static Stream<String> documentedVariables() {
            return DOCUMENTED_VARIABLES.stream();
        }

        @ParameterizedTest(name = "{1} of {0}")
        @MethodSource("variablesUsedByDeploymentFiles")
        void documents_every_variable_of_the_deployment_files(Path file, String variable) {
            assertThat(template.keySet()).as("variables of %s", ENV_TEMPLATE).contains(variable);
        }

        @ParameterizedTest(name = "{1} of {0}")
        @MethodSource("placeholdersOfApplicationYaml")
        void documents_every_variable_the_configuration_reads(Path file, String variable) {
            assertThat(template.keySet()).as("variables of %s", ENV_TEMPLATE).contains(variable);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("documentedVariables")
        void documents_every_variable_of_the_operations_requirements(String variable) {
            assertThat(template.keySet()).as("variables of %s", ENV_TEMPLATE).contains(variable);
        }

        @Test
        void holds_no_secret_values() {
            assertThat(template).allSatisfy((name, value) -> {
                if (SECRET_NAME_PATTERN.matcher(name).matches()) {
                    assertThat(value).as("%s must stay empty in the template", name).isEmpty();
                }
            });
        }

        @Test
        void explains_every_variable_in_a_comment_above_it() {
            List<String> lines = read(ENV_TEMPLATE).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (TEMPLATE_ENTRY.matcher(lines.get(i)).matches()) {
                    assertThat(i).as("line %d has a comment above it", i + 1).isPositive();
                    String above = lines.get(i - 1);
                    assertThat(above).as("comment above line %d (%s)", i + 1, lines.get(i))
                            .startsWith("#").doesNotMatch(TEMPLATE_ENTRY.pattern());
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Reading the files
    // ---------------------------------------------------------------------------------------------

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> listYaml(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> loadAll(Path file) {
        List<Object> documents = new ArrayList<>();
        new Yaml().loadAll(read(file)).forEach(documents::add);
        documents.removeIf(Objects::isNull);
        return documents;
    }

    private static Map<String, Object> single(Path file) {
        List<Object> documents = loadAll(file);
        assertThat(documents).as("documents in %s", file).hasSize(1);
        return map(documents.getFirst());
    }

    private static Map<String, Object> configMapData() {
        return map(single(K8S.resolve("configmap.yaml")).get("data"));
    }

    private static Map<String, Object> onlyContainer(Map<String, Object> workload) {
        List<Object> containers = list(at(workload, "spec", "template", "spec", "containers"));
        assertThat(containers).hasSize(1);
        return map(containers.getFirst());
    }

    /** Names of Secrets a container reads, through envFrom or env[].valueFrom. */
    private static Set<String> secretReferences(Map<String, Object> container) {
        Set<String> names = new LinkedHashSet<>();
        for (Object source : list(container.get("envFrom"))) {
            if (at(source, "secretRef") != null) {
                names.add((String) at(source, "secretRef", "name"));
            }
        }
        for (Object variable : list(container.get("env"))) {
            if (at(variable, "valueFrom", "secretKeyRef") != null) {
                names.add((String) at(variable, "valueFrom", "secretKeyRef", "name"));
            }
        }
        return names;
    }

    private static List<String> configMapReferences(Map<String, Object> container) {
        return list(container.get("envFrom")).stream()
                .filter(source -> at(source, "configMapRef") != null)
                .map(source -> (String) at(source, "configMapRef", "name"))
                .toList();
    }

    private static List<String> volumeMountPaths(Map<String, Object> container) {
        return list(container.get("volumeMounts")).stream().map(mount -> (String) at(mount, "mountPath")).toList();
    }

    /** {@code ${VAR}} substitutions plus the environment keys of the services built from this repository. */
    private static Set<String> composeVariables() {
        Set<String> names = new TreeSet<>(placeholders(read(COMPOSE)));
        map(single(COMPOSE).get("services")).forEach((name, service) -> {
            if (".".equals(at(service, "build"))) {
                names.addAll(map(at(service, "environment")).keySet());
            }
        });
        return names;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Map<String, String> templateEntries() {
        Map<String, String> entries = new LinkedHashMap<>();
        read(ENV_TEMPLATE).lines().map(TEMPLATE_ENTRY::matcher).filter(Matcher::matches)
                .forEach(entry -> entries.put(entry.group(1), entry.group(2).trim()));
        return entries;
    }

    /** Dockerfile instructions with line continuations joined and comments dropped. */
    private static List<String> dockerfileInstructions() {
        String joined = read(DOCKERFILE).replaceAll("\\\\\\r?\\n", " ");
        return joined.lines().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    // ---------------------------------------------------------------------------------------------
    // Walking parsed YAML
    // ---------------------------------------------------------------------------------------------

    /** The value at a path of mapping keys, or null when any step is missing. */
    private static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> mapping)) {
                return null;
            }
            current = mapping.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        if (node == null) {
            return List.of();
        }
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }
}
