package app.covenant.identity.web.pages;

import app.covenant.identity.IdentityPermissions;
import app.covenant.platform.ui.NavigationItem;
import app.covenant.platform.ui.NavigationItem.Area;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The administration links of this module; each appears only to holders of the page's permission. */
@Configuration(proxyBeanMethods = false)
class AdministrationNavigation {

    @Bean
    NavigationItem usersNavigation() {
        return new NavigationItem(Area.ADMINISTRATION, "Users", "/admin/users", "users", 10, IdentityPermissions.USER_READ);
    }

    @Bean
    NavigationItem rolesNavigation() {
        return new NavigationItem(Area.ADMINISTRATION, "Roles", "/admin/roles", "shield", 20,
                IdentityPermissions.ROLE_READ);
    }

    @Bean
    NavigationItem organizationsNavigation() {
        return new NavigationItem(Area.ADMINISTRATION, "Organizations", "/admin/organizations", "building", 30,
                IdentityPermissions.ORGANIZATION_READ);
    }

    @Bean
    NavigationItem featuresNavigation() {
        return new NavigationItem(Area.ADMINISTRATION, "Feature flags", "/admin/features", "toggle", 40,
                IdentityPermissions.FEATURE_MANAGE);
    }
}
