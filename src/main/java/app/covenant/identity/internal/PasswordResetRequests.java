package app.covenant.identity.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.identity.IdentityProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password" answers before anything is looked up: finding the account, creating the link and
 * queueing the e-mail happen afterwards on a worker thread, so the answer takes the same time whether
 * or not the address belongs to an account (SECURITY.md: similar timing).
 */
@Component
class PasswordResetRequests implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetRequests.class);
    private static final int QUEUE_CAPACITY = 1_000;

    private final UserRepository users;
    private final OneTimeLinks links;
    private final AuditTrail audit;
    private final IdentityProperties properties;
    private final TransactionTemplate transactions;
    private final ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();

    PasswordResetRequests(UserRepository users, OneTimeLinks links, AuditTrail audit, IdentityProperties properties,
                          TransactionTemplate transactions) {
        this.users = users;
        this.links = links;
        this.audit = audit;
        this.properties = properties;
        this.transactions = transactions;
        workers.setThreadNamePrefix("password-reset-");
        workers.setCorePoolSize(2);
        workers.setMaxPoolSize(2);
        workers.setQueueCapacity(QUEUE_CAPACITY);
        workers.setWaitForTasksToCompleteOnShutdown(true);
        workers.setAwaitTerminationSeconds(10);
        workers.initialize();
    }

    /** Returns at once; the link is sent afterwards if the address belongs to an active account. */
    void submit(String email, ClientInfo client) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        try {
            workers.execute(() -> {
                // The request's correlation id goes with the audit entry and the e-mail.
                MDC.setContextMap(context == null ? Map.of() : context);
                try {
                    sendLink(email, client);
                } finally {
                    MDC.clear();
                }
            });
        } catch (TaskRejectedException flooded) {
            log.warn("Password reset requests arrive faster than they are handled: one was dropped");
        }
    }

    private void sendLink(String email, ClientInfo client) {
        try {
            transactions.executeWithoutResult(status -> users.findByEmailNormalized(User.normalize(email))
                    .filter(User::isActive).ifPresent(user -> {
                        links.send(user, UserToken.Purpose.PASSWORD_RESET, null, properties.passwordResetTtl(),
                                "/reset-password", "password-reset", "Reset your Covenant password", Map.of());
                        Map<String, Object> origin = new LinkedHashMap<>();
                        origin.put("ipAddress", client.ipAddress());
                        origin.put("userAgent", client.userAgent());
                        audit.record(AuditEntry.of("identity", "auth.password-reset.requested")
                                .actor(user.getId(), user.email()).target("user", user.getId()).after(origin));
                    }));
        } catch (RuntimeException e) {
            log.error("A password reset link could not be sent", e);
        }
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }
}
