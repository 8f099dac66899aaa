package app.covenant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The persistence rule of docs/persistence.md: each table is reached one way. A table mapped by an entity
 * (an aggregate's) is written through its repository only; every other table through JdbcTemplate only.
 */
@AnalyzeClasses(packages = "app.covenant", importOptions = ImportOption.DoNotIncludeTests.class)
class PersistenceRulesTest {

    private static final Path SOURCES = Path.of("src/main/java/app/covenant");
    private static final Pattern MAPPED_TABLE = Pattern.compile("@(?:Table|CollectionTable)\\(name\\s*=\\s*\"(\\w+)\"");
    // Lower-case table names only: JPQL names entities (RefreshToken), SQL names tables (refresh_tokens).
    private static final Pattern SQL_WRITE = Pattern.compile(
            "(?i:insert\\s+into|update|delete\\s+from|merge\\s+into|truncate\\s+table)\\s+([a-z_][a-z0-9_]*)\\b");

    /**
     * Seeds system roles and their grants at startup with ON CONFLICT DO NOTHING, which JPQL cannot say,
     * while several nodes may start at once and before any request loads a role.
     */
    private static final Map<String, Set<String>> EXCEPTIONS = Map.of(
            "identity/internal/PermissionCatalogSync.java", Set.of("roles", "role_permissions"));

    @ArchTest
    static final ArchRule repositoriesRunNoNativeSql = methods()
            .that().areDeclaredInClassesThat().areAssignableTo(Repository.class)
            .should(notRunNativeSql())
            .because("a statement JPQL cannot say belongs to a table reached through JdbcTemplate (docs/persistence.md)");

    @Test
    void jdbcWritesOnlyTablesWithoutAnEntity() throws IOException {
        Set<String> mapped = new TreeSet<>();
        List<String> writes = new ArrayList<>();
        for (Path file : sources()) {
            String code = Files.readString(file);
            MAPPED_TABLE.matcher(code).results().forEach(table -> mapped.add(table.group(1)));
            String name = SOURCES.relativize(file).toString().replace('\\', '/');
            Matcher write = SQL_WRITE.matcher(code);
            while (write.find()) {
                writes.add(name + " " + write.group(1));
            }
        }

        assertThat(mapped).as("tables mapped by entities").contains("users", "role_permissions");
        assertThat(writes.stream().filter(write -> {
            String[] fileAndTable = write.split(" ");
            return mapped.contains(fileAndTable[1])
                    && !EXCEPTIONS.getOrDefault(fileAndTable[0], Set.of()).contains(fileAndTable[1]);
        })).as("SQL writes to a table that an entity maps (write through its repository, or drop the entity)")
                .isEmpty();
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArchCondition<JavaMethod> notRunNativeSql() {
        return new ArchCondition<>("not run native SQL") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean nativeSql = method.tryGetAnnotationOfType(Query.class).map(Query::nativeQuery).orElse(false);
                events.add(new SimpleConditionEvent(method, !nativeSql, method.getFullName() + " runs native SQL"));
            }
        };
    }
}
