package app.covenant.identity.web;

import app.covenant.platform.modules.PublicPaths;
import app.covenant.platform.ui.StatusTones;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sign-in and e-mail link pages anyone may open, and the states of users and memberships. */
@Configuration(proxyBeanMethods = false)
class IdentityDeclarations {

    @Bean
    PublicPaths identityPublicPaths() {
        return PublicPaths.of("/login", "/forgot-password", "/reset-password", "/accept-invite", "/verify-email",
                "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/forgot-password",
                "/api/v1/auth/reset-password", "/api/v1/auth/accept-invite", "/api/v1/auth/verify-email");
    }

    @Bean
    StatusTones memberActive() {
        return StatusTones.success("ACTIVE");
    }

    @Bean
    StatusTones memberWaiting() {
        // An invitation not yet accepted.
        return StatusTones.warning("PENDING");
    }

    @Bean
    StatusTones memberInvited() {
        return StatusTones.info("INVITED");
    }

    @Bean
    StatusTones memberLocked() {
        return StatusTones.danger("LOCKED");
    }

    @Bean
    StatusTones memberGone() {
        return StatusTones.neutral("INACTIVE", "DEACTIVATED", "SUSPENDED");
    }
}
