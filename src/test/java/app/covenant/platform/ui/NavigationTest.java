package app.covenant.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.platform.ui.NavigationItem.Area;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class NavigationTest {

    private final Navigation navigation = navigation(
            new NavigationItem(Area.OVERVIEW, "Home", "/", "home", 0),
            new NavigationItem(Area.CONTRACTS, "Contracts", "/contracts", "search", 10),
            new NavigationItem(Area.CONTRACTS, "Approvals", "/contracts/approvals", "user", 20, "approve"));

    @Test
    void theMostSpecificLinkCoveringThePageIsTheOnlyCurrentOne() {
        assertThat(current("/contracts/approvals", Set.of("approve"))).containsExactly("Approvals");
        assertThat(current("/contracts/7f0c/edit", Set.of("approve"))).containsExactly("Contracts");
        assertThat(current("/", Set.of())).containsExactly("Home");
        assertThat(current("/contractsx", Set.of())).isEmpty();
    }

    @Test
    void aLinkTheCallerCannotSeeIsNeverTheCurrentOne() {
        assertThat(current("/contracts/approvals", Set.of())).containsExactly("Contracts");
    }

    @Test
    void aLinkForSeveralPermissionsShowsOnceToAHolderOfAnyOfThem() {
        Navigation approvals = navigation(new NavigationItem(Area.CONTRACTS, "Approvals", "/contracts/approvals", "user",
                20, Set.of("legal", "finance")));
        assertThat(labels(approvals, Set.of("finance"))).containsExactly("Approvals");
        assertThat(labels(approvals, Set.of("legal", "finance"))).containsExactly("Approvals");
        assertThat(labels(approvals, Set.of("contract:read"))).isEmpty();
    }

    private static List<String> labels(Navigation navigation, Set<String> permissions) {
        return navigation.sectionsFor("/", permissions).stream().flatMap(section -> section.links().stream())
                .map(Navigation.Link::label).toList();
    }

    private List<String> current(String path, Set<String> permissions) {
        return navigation.sectionsFor(path, permissions).stream().flatMap(section -> section.links().stream())
                .filter(Navigation.Link::current).map(Navigation.Link::label).toList();
    }

    private static Navigation navigation(NavigationItem... items) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (int i = 0; i < items.length; i++) {
            beans.addBean("item" + i, items[i]);
        }
        return new Navigation(beans.getBeanProvider(NavigationItem.class));
    }
}
