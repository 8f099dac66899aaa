package app.covenant.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

/**
 * The migration rules of docs/persistence.md, checked on src/main/resources/db/migration: a new migration is
 * named {@code V<yyyy>_<mm>_<dd>_<hhmm>__<module>_<what>.sql} after an existing module; no two share a version
 * unless they are vendor twins (same name in h2/ and postgresql/); and a module's migrations create, change
 * and fill only the tables (and sequences) its own migrations created.
 */
class MigrationRulesTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path MODULES = Path.of("src/main/java/app/covenant");
    private static final Set<String> VENDORS = Set.of("h2", "postgresql");

    /** The last version numbered before the date-time scheme; these keep their names (installed databases know them). */
    private static final int LAST_LEGACY_VERSION = 14;

    /** Owners of the legacy migrations, whose names do not say it. Vendor parts (V1_1, V4_1, V11_1) follow their major. */
    private static final Map<Integer, String> LEGACY_OWNERS = Map.ofEntries(
            Map.entry(1, "platform"),       // event_publication (Spring Modulith's registry)
            Map.entry(2, "platform"),       // scheduled_tasks (db-scheduler)
            Map.entry(3, "identity"),
            Map.entry(4, "audit"),
            Map.entry(5, "notifications"),  // email_outbox
            Map.entry(6, "platform"),       // idempotency_keys
            Map.entry(7, "documents"),
            Map.entry(8, "notifications"),  // notifications, notification_preferences
            Map.entry(9, "platform"),       // job_runs
            Map.entry(10, "identity"),
            Map.entry(11, "audit"),
            Map.entry(12, "platform"),      // takes platform permissions back (see HISTORIC_EXCEPTIONS)
            Map.entry(13, "identity"),
            Map.entry(14, "notifications"));

    /**
     * Written before the rule, kept as installed databases have them. Each must still be found: an entry
     * that no longer matches anything is stale and fails the test.
     */
    private static final Set<String> HISTORIC_EXCEPTIONS = Set.of(
            // Who invited a member, for the accepted-invitation notification; identity's table should have grown it.
            "common/V8__in_app_notifications.sql (notifications) changes memberships, a table of identity",
            // Job and metrics permissions became super-admin-only; today a module declares its default grants instead.
            "common/V12__platform_only_permissions.sql (platform) changes role_permissions, a table of identity");

    private static final Pattern FILE_NAME = Pattern.compile("V([0-9_]+)__(\\w+)\\.sql");
    private static final Pattern LEGACY_VERSION = Pattern.compile("(\\d+)(?:_(\\d+))?");
    private static final Pattern DATED_VERSION = Pattern.compile("\\d{4}_\\d{2}_\\d{2}_\\d{4}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu_MM_dd_HHmm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern WHAT = Pattern.compile("[a-z0-9]+(?:_[a-z0-9]+)*");

    private static final String NAME = "(?:\\w+\\.)?\"?(\\w+)\"?";
    private static final Pattern CREATES = Pattern.compile(
            "\\bcreate\\s+(?:table|sequence)\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME);
    private static final List<Pattern> CHANGES = List.of(
            Pattern.compile("\\balter\\s+(?:table|sequence)\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + NAME),
            Pattern.compile("\\bdrop\\s+(?:table|sequence)\\s+(?:if\\s+exists\\s+)?" + NAME),
            Pattern.compile("\\bcreate\\s+(?:unique\\s+)?index\\s+(?:if\\s+not\\s+exists\\s+)?(?:\\w+\\s+)?on\\s+(?:only\\s+)?" + NAME),
            Pattern.compile("\\bcreate\\s+(?:or\\s+replace\\s+)?trigger\\s+\\w+\\s+(?:before|after|instead\\s+of)\\s+[\\w\\s]+?\\s+on\\s+" + NAME),
            Pattern.compile("\\binsert\\s+into\\s+" + NAME),
            Pattern.compile("\\bupdate\\s+" + NAME + "\\s+set\\b"),
            Pattern.compile("\\bdelete\\s+from\\s+" + NAME),
            // Not the TRUNCATE of a trigger's events (BEFORE TRUNCATE ON t).
            Pattern.compile("\\btruncate\\s+(?:table\\s+)?(?!on\\b)" + NAME),
            Pattern.compile("\\bcomment\\s+on\\s+table\\s+" + NAME),
            Pattern.compile("\\bsetval\\s*\\(\\s*'" + NAME + "'"));
    private static final Pattern RENAME = Pattern.compile(
            "\\balter\\s+table\\s+(?:if\\s+exists\\s+)?" + NAME + "\\s+rename\\s+to\\s+" + NAME);

    /** One file: its folder under db/migration (common, h2, postgresql), its name and its SQL. */
    record Migration(String folder, String fileName, String sql) {

        String path() {
            return folder + "/" + fileName;
        }
    }

    @Test
    void theMigrationsFollowTheRules() {
        List<String> violations = violations(read(MIGRATIONS), modules());

        assertThat(HISTORIC_EXCEPTIONS).as("historic exceptions that no longer occur (remove them)")
                .isSubsetOf(violations);
        assertThat(violations.stream().filter(violation -> !HISTORIC_EXCEPTIONS.contains(violation)))
                .as("migrations breaking the rules of docs/persistence.md").isEmpty();
    }

    @Test
    void flywayAppliesAStampMergedLate() {
        YamlPropertiesFactoryBean settings = new YamlPropertiesFactoryBean();
        settings.setResources(new FileSystemResource("src/main/resources/application.yml"));

        assertThat(settings.getObject()).containsEntry("spring.flyway.out-of-order", true);
    }

    @Test
    void aNewMigrationIsStampedAndNamedAfterItsModule() {
        Set<String> modules = Set.of("platform", "insurance");

        assertThat(violations(List.of(
                common("V2026_12_06_1530__insurance_policies.sql", "create table policies (id uuid);")), modules)).isEmpty();
        assertThat(violations(List.of(common("V15__insurance_policies.sql", "create table policies (id uuid);")), modules))
                .singleElement().asString().contains("V<yyyy>_<mm>_<dd>_<hhmm>__<module>_<what>.sql");
        assertThat(violations(List.of(common("V2026_13_06_1530__insurance_policies.sql", "")), modules))
                .singleElement().asString().contains("not a date-time");
        assertThat(violations(List.of(common("V2026_02_30_1530__insurance_policies.sql", "")), modules))
                .singleElement().asString().contains("not a date-time");
        assertThat(violations(List.of(common("V2026_12_06_1530__contracts_terms.sql", "")), modules))
                .singleElement().asString().contains("no module");
        assertThat(violations(List.of(common("V2026_12_06_1530__insurance.sql", "")), modules))
                .singleElement().asString().contains("no module");
    }

    @Test
    void aVersionBelongsToOneMigrationOrToVendorTwins() {
        Set<String> modules = Set.of("insurance");
        String name = "V2026_12_06_1530__insurance_policies.sql";

        assertThat(violations(List.of(new Migration("h2", name, ""), new Migration("postgresql", name, "")), modules))
                .isEmpty();
        assertThat(violations(List.of(common(name, ""), new Migration("postgresql", name, "")), modules))
                .singleElement().asString().contains("share version 2026.12.06.1530");
        assertThat(violations(List.of(new Migration("h2", name, ""),
                new Migration("postgresql", "V2026_12_06_1530__insurance_claims.sql", "")), modules))
                .singleElement().asString().contains("share version 2026.12.06.1530");
    }

    @Test
    void aModuleChangesOnlyItsOwnTables() {
        Set<String> modules = Set.of("insurance", "contracts");
        Migration policies = common("V2026_12_06_1530__insurance_policies.sql",
                "-- a policy per certificate\nCREATE TABLE policies (id UUID PRIMARY KEY);");

        assertThat(violations(List.of(policies, common("V2026_12_07_0900__insurance_policy_holder.sql", """
                ALTER TABLE policies ADD COLUMN holder VARCHAR(200);
                CREATE INDEX policies_holder_idx ON policies (holder);
                ALTER TABLE policies RENAME TO insurance_policies;
                INSERT INTO insurance_policies (id) SELECT id FROM contracts;""")), modules)).isEmpty();

        for (String statement : List.of("ALTER TABLE policies ADD COLUMN term INT;", "DROP TABLE policies;",
                "ALTER TABLE policies RENAME TO contract_policies;", "INSERT INTO policies (id) VALUES (NULL);",
                "CREATE INDEX contracts_policy_idx ON policies (id);", "UPDATE policies SET id = id;",
                "DELETE FROM policies;", "CREATE TABLE policies (id UUID);")) {
            assertThat(violations(List.of(policies, common("V2026_12_08_1000__contracts_terms.sql", statement)), modules))
                    .as(statement).singleElement().asString()
                    .contains("(contracts) ", "policies, a table of insurance");
        }
        assertThat(violations(List.of(common("V2026_12_08_1000__contracts_terms.sql", "ALTER TABLE nowhere ADD x INT;")),
                modules)).singleElement().asString().contains("nowhere, a table no migration creates");
    }

    private static Migration common(String fileName, String sql) {
        return new Migration("common", fileName, sql);
    }

    /** Every breach of the rules, one line each, in the order Flyway applies the migrations. */
    static List<String> violations(List<Migration> migrations, Set<String> modules) {
        List<String> violations = new ArrayList<>();
        Map<Migration, List<BigInteger>> versions = new HashMap<>();
        Map<Migration, String> owners = new HashMap<>();
        for (Migration migration : migrations) {
            Matcher name = FILE_NAME.matcher(migration.fileName());
            if (!name.matches()) {
                violations.add(migration.path() + " is not named V<version>__<description>.sql");
                continue;
            }
            versions.put(migration, version(name.group(1)));
            String owner = owner(migration, name.group(1), name.group(2), modules, violations);
            if (owner != null) {
                owners.put(migration, owner);
            }
        }
        sharedVersions(versions, violations);
        tableOwnership(migrations.stream().filter(owners::containsKey)
                .sorted(Comparator.<Migration, List<BigInteger>>comparing(versions::get, MigrationRulesTest::compare)
                        .thenComparing(Migration::path)).toList(), owners, violations);
        return violations;
    }

    private static String owner(Migration migration, String version, String description, Set<String> modules,
                                List<String> violations) {
        Matcher legacy = LEGACY_VERSION.matcher(version);
        if (legacy.matches() && Integer.parseInt(legacy.group(1)) <= LAST_LEGACY_VERSION) {
            String owner = LEGACY_OWNERS.get(Integer.parseInt(legacy.group(1)));
            if (owner == null) {
                violations.add(migration.path() + " has no owner in LEGACY_OWNERS");
            }
            return owner;
        }
        if (!DATED_VERSION.matcher(version).matches()) {
            violations.add(migration.path() + " is not named V<yyyy>_<mm>_<dd>_<hhmm>__<module>_<what>.sql");
            return null;
        }
        try {
            LocalDateTime.parse(version, STAMP);
        } catch (DateTimeParseException e) {
            violations.add(migration.path() + ": " + version + " is not a date-time (yyyy_mm_dd_hhmm)");
            return null;
        }
        String module = modules.stream()
                .filter(candidate -> description.startsWith(candidate + "_")
                        && WHAT.matcher(description.substring(candidate.length() + 1)).matches())
                .findFirst().orElse(null);
        if (module == null) {
            violations.add(migration.path() + " names no module of " + new TreeSet<>(modules)
                    + " followed by _<what> in lower case");
        }
        return module;
    }

    private static void sharedVersions(Map<Migration, List<BigInteger>> versions, List<String> violations) {
        Map<List<BigInteger>, List<Migration>> byVersion = new HashMap<>();
        versions.forEach((migration, version) -> byVersion.computeIfAbsent(version, key -> new ArrayList<>()).add(migration));
        byVersion.values().forEach(sharing -> {
            Matcher name = FILE_NAME.matcher(sharing.getFirst().fileName());
            String version = name.matches() ? name.group(1).replace('_', '.') : "?";
            boolean vendorTwins = sharing.stream().allMatch(migration -> VENDORS.contains(migration.folder()))
                    && sharing.stream().map(Migration::folder).distinct().count() == sharing.size()
                    && sharing.stream().map(Migration::fileName).distinct().count() == 1;
            if (sharing.size() > 1 && !vendorTwins) {
                violations.add(sharing.stream().map(Migration::path).sorted().toList() + " share version " + version
                        + "; only vendor twins (one name, h2/ and postgresql/) may");
            }
        });
    }

    private static void tableOwnership(List<Migration> inOrder, Map<Migration, String> owners, List<String> violations) {
        Map<String, String> tableOwners = new HashMap<>();
        for (Migration migration : inOrder) {
            String owner = owners.get(migration);
            String sql = withoutComments(migration.sql()).toLowerCase(Locale.ROOT);
            Set<String> found = new LinkedHashSet<>();
            // In the order the statements run, so a table renamed or created earlier in the file counts.
            for (Statement statement : statements(sql)) {
                String table = statement.table();
                String tableOwner = tableOwners.get(table);
                if (tableOwner != null && !tableOwner.equals(owner)) {
                    found.add(breach(migration, owner, table, tableOwner));
                } else if (statement.kind() == Kind.CREATE) {
                    tableOwners.put(table, owner);
                } else if (tableOwner == null) {
                    found.add(migration.path() + " (" + owner + ") changes " + table + ", a table no migration creates");
                } else if (statement.kind() == Kind.RENAME) {
                    tableOwners.remove(table);
                    tableOwners.put(statement.renamedTo(), owner);
                }
            }
            violations.addAll(found);
        }
    }

    private enum Kind { CREATE, CHANGE, RENAME }

    private record Statement(int position, Kind kind, String table, String renamedTo) {
    }

    private static List<Statement> statements(String sql) {
        List<Statement> statements = new ArrayList<>();
        Matcher created = CREATES.matcher(sql);
        while (created.find()) {
            statements.add(new Statement(created.start(), Kind.CREATE, created.group(1), null));
        }
        for (Pattern change : CHANGES) {
            Matcher changed = change.matcher(sql);
            while (changed.find()) {
                statements.add(new Statement(changed.start(), Kind.CHANGE, changed.group(1), null));
            }
        }
        Matcher renamed = RENAME.matcher(sql);
        while (renamed.find()) {
            statements.add(new Statement(renamed.start(), Kind.RENAME, renamed.group(1), renamed.group(2)));
        }
        // A rename is also an ALTER TABLE at the same place: check it as a change, then move the ownership.
        statements.sort(Comparator.comparingInt(Statement::position).thenComparing(Statement::kind));
        return statements;
    }

    private static String breach(Migration migration, String owner, String table, String tableOwner) {
        return migration.path() + " (" + owner + ") changes " + table + ", a table of " + tableOwner;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }

    private static List<BigInteger> version(String version) {
        return Stream.of(version.split("_")).map(BigInteger::new).toList();
    }

    /** Flyway's order: part by part, numerically; a missing part counts as zero. */
    private static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int order = (i < a.size() ? a.get(i) : BigInteger.ZERO).compareTo(i < b.size() ? b.get(i) : BigInteger.ZERO);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** The application's modules: the top-level packages under app.covenant. */
    private static Set<String> modules() {
        try (Stream<Path> packages = Files.list(MODULES)) {
            Set<String> modules = new TreeSet<>();
            packages.filter(Files::isDirectory).map(path -> path.getFileName().toString()).forEach(modules::add);
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Migration> read(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().map(file -> {
                try {
                    return new Migration(root.relativize(file.getParent()).toString().replace('\\', '/'),
                            file.getFileName().toString(), Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
