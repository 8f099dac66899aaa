package app.covenant.notifications;

import static app.covenant.platform.modules.PermissionSet.permission;

import app.covenant.platform.modules.PermissionSet;
import app.covenant.platform.ui.StatusTones;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The permissions of the bell and the e-mail outbox, and the states their pages show. */
@Configuration(proxyBeanMethods = false)
class NotificationDeclarations {

    @Bean
    PermissionSet notificationPermissions() {
        return PermissionSet.of(
                permission("outbox:read", "Read and retry outgoing e-mail"),
                permission("notification:read", "Receive in-app notifications").grantedTo("MANAGER", "USER",
                        "LEGAL_MANAGER", "LEGAL_HEAD", "FINANCE_MANAGER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER"))
                .titled("outbox", "E-mail outbox").titled("notification", "Notifications");
    }

    @Bean
    StatusTones outboxWaiting() {
        return StatusTones.warning("PENDING");
    }

    @Bean
    StatusTones outboxSent() {
        return StatusTones.success("SENT");
    }

    @Bean
    StatusTones outboxFailed() {
        return StatusTones.danger("FAILED");
    }

    @Bean
    StatusTones notificationUnread() {
        return StatusTones.info("NEW");
    }

    @Bean
    StatusTones notificationRead() {
        return StatusTones.neutral("READ");
    }
}
