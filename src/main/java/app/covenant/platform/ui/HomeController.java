package app.covenant.platform.ui;

import app.covenant.platform.ui.NavigationItem.Area;
import app.covenant.shared.security.Caller;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: for a signed-in person, what needs them — the cards modules contribute — or, when
 * nothing does, where they can go; for a visitor, a short welcome and the way to sign in.
 */
// Public: a visitor's first address; it shows them nothing but the welcome.
@PermitAll
@Controller
class HomeController {

    private final HomeCards cards;
    private final Navigation navigation;

    HomeController(HomeCards cards, Navigation navigation) {
        this.cards = cards;
        this.navigation = navigation;
    }

    @Bean
    static NavigationItem homeNavigationItem() {
        return new NavigationItem(Area.OVERVIEW, "Home", "/", "home", 0);
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Caller caller, Model model) {
        if (caller != null) {
            List<HomeCard> waiting = cards.of(caller);
            model.addAttribute("cards", waiting);
            if (waiting.isEmpty()) {
                model.addAttribute("destinations", navigation.destinationsFor(caller.permissions()));
            }
        }
        return "home";
    }
}
