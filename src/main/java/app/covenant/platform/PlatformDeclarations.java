package app.covenant.platform;

import static app.covenant.platform.modules.PermissionSet.permission;
import static app.covenant.platform.modules.PermissionSet.platformOnly;

import app.covenant.platform.modules.PermissionSet;
import app.covenant.platform.modules.PublicPaths;
import app.covenant.platform.ui.StatusTones;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the platform itself contributes: the metrics and System page permissions, its public pages and the node's states. */
@Configuration(proxyBeanMethods = false)
class PlatformDeclarations {

    @Bean
    PermissionSet platformPermissions() {
        // Metrics span every organization, their counts included.
        return PermissionSet.of(
                platformOnly("metrics:read", "Read the operational metrics of the whole platform (platform operators)"),
                // Granted to ADMIN as well: the node's details stay behind metrics:read on that page.
                permission("system:read", "See the System page: node status, API docs, health"))
                .titled("metrics", "Metrics").titled("system", "System");
    }

    @Bean
    PublicPaths platformPublicPaths() {
        // Home, errors and health are what a visitor or a load balancer sees before signing in.
        return PublicPaths.of("/", "/error", "/health", "/health/**", "/favicon.svg", "/css/**", "/js/**", "/img/**",
                "/webjars/**", "/api/v1/system/status");
    }

    @Bean
    StatusTones nodeUp() {
        return StatusTones.success("UP", "CONNECTED");
    }

    @Bean
    StatusTones nodeDegraded() {
        return StatusTones.warning("DEGRADED");
    }

    @Bean
    StatusTones nodeDown() {
        return StatusTones.danger("DOWN", "UNREACHABLE");
    }

    @Bean
    StatusTones nodeOff() {
        return StatusTones.neutral("OFF");
    }
}
