package app.covenant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The persistence rule of docs/persistence.md: JPA for aggregates loaded, changed and saved one at a time;
 * set-based statements through JdbcTemplate, never as bulk JPQL or native SQL in a repository.
 */
@AnalyzeClasses(packages = "app.covenant", importOptions = ImportOption.DoNotIncludeTests.class)
class PersistenceRulesTest {

    @ArchTest
    static final ArchRule repositoriesHoldFindersOnly = methods()
            .that().areDeclaredInClassesThat().areAssignableTo(Repository.class)
            // Known strays (docs/persistence.md), to move to JdbcTemplate with the identity work.
            .and().areDeclaredInClassesThat().doNotHaveSimpleName("RefreshTokenRepository")
            .and().areDeclaredInClassesThat().doNotHaveSimpleName("UserTokenRepository")
            .should().notBeAnnotatedWith(Modifying.class)
            .andShould(notRunNativeSql())
            .because("a set-based statement belongs in a JdbcTemplate class of the module (docs/persistence.md)");

    @ArchTest
    static final ArchRule setTablesHaveNoEntities = noClasses()
            .that().resideInAnyPackage("app.covenant.notifications..", "app.covenant.audit..",
                    "app.covenant.documents..", "app.covenant.platform..")
            .should().beAnnotatedWith(Entity.class)
            .because("these modules keep queues, logs and ledgers, reached through JdbcTemplate (docs/persistence.md)");

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
