package app.covenant.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class FlashCatalogueTest {

    @Test
    void aKeyShowsTheSentenceItsModuleDeclared() {
        FlashCatalogue catalogue = new FlashCatalogue(List.of(
                new FlashMessages("documents", Map.of("document-deleted", "The document was deleted.")),
                new FlashMessages("identity", Map.of("invited", "The invitation is on its way."))));

        assertThat(catalogue.message("document-deleted")).isEqualTo("The document was deleted.");
        assertThat(catalogue.message("invited")).isEqualTo("The invitation is on its way.");
    }

    @Test
    void anUnknownOrCraftedKeyShowsNothing() {
        FlashCatalogue catalogue = new FlashCatalogue(List.of(
                new FlashMessages("documents", Map.of("document-deleted", "The document was deleted."))));

        assertThat(catalogue.message(null)).isNull();
        assertThat(catalogue.message("")).isNull();
        assertThat(catalogue.message("Your account is locked, call +1 555 0100")).isNull();
        assertThat(catalogue.message("DOCUMENT-DELETED")).isNull();
    }

    @Test
    void aKeyDeclaredByTwoModulesIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> new FlashCatalogue(List.of(
                        new FlashMessages("documents", Map.of("saved", "The document is saved.")),
                        new FlashMessages("contracts", Map.of("saved", "The contract is saved.")))))
                .withMessageContaining("'saved'").withMessageContaining("documents").withMessageContaining("contracts");
    }

    @Test
    void twoModulesDeclaringOneKeyStopTheApplicationAtStart() {
        new ApplicationContextRunner()
                .withUserConfiguration(TwoModules.class, FlashCatalogue.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("'saved' is declared by both"));
    }

    @Test
    void keysAreShortWordsAndSentencesAreNotEmpty() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FlashMessages("documents", Map.of("Saved!", "Saved.")));
        assertThatIllegalArgumentException().isThrownBy(() -> new FlashMessages("documents", Map.of("saved", " ")));
        assertThatIllegalArgumentException().isThrownBy(() -> new FlashMessages(" ", Map.of("saved", "Saved.")));
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoModules {

        @Bean
        FlashMessages documentMessages() {
            return new FlashMessages("documents", Map.of("saved", "The document is saved."));
        }

        @Bean
        FlashMessages contractMessages() {
            return new FlashMessages("contracts", Map.of("saved", "The contract is saved."));
        }
    }
}
