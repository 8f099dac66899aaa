package app.covenant.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;

/** Every navigation item, the platform's and each module's, has an icon of its own that the icon set draws. */
@IntegrationTest
class NavigationIconsTest {

    @Autowired
    Navigation navigation;

    @Autowired
    TestRestTemplate http;

    @Test
    void everyNavigationItemHasItsOwnDrawnIcon() throws IOException {
        List<Navigation.Link> links = navigation.sectionsFor("/", everyPermission()).stream()
                .flatMap(section -> section.links().stream()).toList();
        String icons = new ClassPathResource("templates/fragments/components.html")
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(links).hasSizeGreaterThan(5);
        assertThat(links.stream().map(Navigation.Link::icon)).as("one icon per item").doesNotHaveDuplicates();
        assertThat(links).allSatisfy(link -> assertThat(icons).as("the icon of " + link.label())
                .contains("th:case=\"'" + link.icon() + "'\""));
    }

    @Test
    void theLogoLinkIsNamed() {
        assertThat(http.getForObject("/login", String.class))
                .containsPattern("<a class=\"brand\" href=\"/\" aria-label=\"Covenant, home\">");
    }

    /** A permission set that holds everything, so no item is filtered out. */
    private static Set<String> everyPermission() {
        return new AbstractSet<>() {
            @Override
            public boolean contains(Object permission) {
                return true;
            }

            @Override
            public Iterator<String> iterator() {
                return Collections.emptyIterator();
            }

            @Override
            public int size() {
                return 0;
            }
        };
    }
}
