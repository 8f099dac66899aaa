package app.covenant.identity;

import static app.covenant.platform.modules.PermissionSet.permission;

import app.covenant.platform.modules.PermissionSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Identity's own permissions, {@code module:action}. Every other module declares its own the same way
 * (a {@link PermissionSet} bean); {@code PermissionCatalogSync} brings the database in line at startup.
 */
@Configuration(proxyBeanMethods = false)
public class IdentityPermissions {

    public static final String ORGANIZATION_READ = "organization:read";
    public static final String ORGANIZATION_MANAGE = "organization:manage";
    public static final String FEATURE_MANAGE = "feature:manage";
    public static final String USER_READ = "user:read";
    public static final String USER_INVITE = "user:invite";
    public static final String USER_MANAGE = "user:manage";
    public static final String ROLE_READ = "role:read";
    public static final String ROLE_MANAGE = "role:manage";

    @Bean
    PermissionSet identityPermissionSet() {
        return PermissionSet.of(
                permission(ORGANIZATION_READ, "See organizations and their settings"),
                permission(ORGANIZATION_MANAGE, "Create and edit organizations and entities"),
                permission(FEATURE_MANAGE, "Switch an organization's features on and off"),
                permission(USER_READ, "See the users of the organization").grantedTo("MANAGER"),
                permission(USER_INVITE, "Invite users by e-mail"),
                permission(USER_MANAGE, "Change users' roles, deactivate and unlock them"),
                permission(ROLE_READ, "See roles and their permissions"),
                permission(ROLE_MANAGE, "Create and edit custom roles"))
                .titled("feature", "Feature flags");
    }
}
