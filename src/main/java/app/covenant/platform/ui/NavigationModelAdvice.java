package app.covenant.platform.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UrlPathHelper;

/** Puts the navigation into the model of every page, so the layout never depends on a controller. */
@ControllerAdvice
class NavigationModelAdvice {

    private final Navigation navigation;

    NavigationModelAdvice(Navigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute("navigation")
    List<Navigation.Section> navigation(HttpServletRequest request) {
        return navigation.sectionsFor(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
    }
}
