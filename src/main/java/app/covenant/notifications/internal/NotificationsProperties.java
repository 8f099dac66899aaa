package app.covenant.notifications.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notifications module ({@code covenant.notifications.*}), fed in {@code application.yml}
 * by {@code EMAIL_PROVIDER}, {@code EMAIL_FROM}, {@code SMTP_*}, {@code SENDGRID_*} and {@code AWS_SES_*}.
 *
 * @param provider where e-mail goes ({@code EMAIL_PROVIDER}: {@code outbox}, {@code smtp}, {@code sendgrid}
 *                 or {@code aws_ses})
 * @param from     the sender, {@code Name <address>} or a bare address ({@code EMAIL_FROM})
 * @param smtp     the SMTP server, used when the provider is {@code smtp}
 * @param sendgrid the SendGrid account, used when the provider is {@code sendgrid}
 * @param ses      the Amazon SES account, used when the provider is {@code aws_ses}
 * @param delivery retries, claiming and the sender job
 * @param retention how long notifications and outbox messages are kept
 */
@Validated
@ConfigurationProperties("covenant.notifications")
public record NotificationsProperties(
        @NotNull @DefaultValue("outbox") EmailProvider provider,
        @NotBlank @DefaultValue("Covenant <no-reply@localhost>") String from,
        @Valid @NotNull @DefaultValue Smtp smtp,
        @Valid @NotNull @DefaultValue SendGrid sendgrid,
        @Valid @NotNull @DefaultValue Ses ses,
        @Valid @NotNull @DefaultValue Delivery delivery,
        @Valid @NotNull @DefaultValue Retention retention) {

    @AssertTrue(message = "SMTP_HOST is required when EMAIL_PROVIDER=smtp")
    public boolean isSmtpHostSetWhenNeeded() {
        return provider != EmailProvider.SMTP || (smtp.host() != null && !smtp.host().isBlank());
    }

    @AssertTrue(message = "SENDGRID_API_KEY is required when EMAIL_PROVIDER=sendgrid")
    public boolean isSendGridKeySetWhenNeeded() {
        return provider != EmailProvider.SENDGRID || isSet(sendgrid.apiKey());
    }

    @AssertTrue(message = "AWS_SES_REGION is required when EMAIL_PROVIDER=aws_ses")
    public boolean isSesRegionSetWhenNeeded() {
        return provider != EmailProvider.AWS_SES || isSet(ses.region());
    }

    @AssertTrue(message = "AWS_SES_ACCESS_KEY and AWS_SES_SECRET_KEY go together: set both, or neither to use"
            + " the AWS default credentials (instance or task role, AWS_* variables)")
    public boolean isSesKeyPairComplete() {
        return provider != EmailProvider.AWS_SES || isSet(ses.accessKey()) == isSet(ses.secretKey());
    }

    @AssertTrue(message = "EMAIL_FROM must be an address such as 'Covenant <no-reply@example.com>'")
    public boolean isFromAnAddress() {
        try {
            new InternetAddress(from, true).validate();
            return true;
        } catch (AddressException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * @param host           {@code SMTP_HOST}
     * @param port           {@code SMTP_PORT}
     * @param username       {@code SMTP_USER}; no authentication when blank
     * @param password       {@code SMTP_PASS}
     * @param starttls       {@code SMTP_STARTTLS}: upgrade to TLS and refuse to send in the clear
     * @param connectTimeout how long to wait for the server to answer a connection
     * @param timeout        how long to wait on a read or write once connected
     */
    public record Smtp(
            String host,
            @DefaultValue("587") @Min(1) @Max(65535) int port,
            String username,
            String password,
            @DefaultValue("true") boolean starttls,
            @NotNull @DefaultValue("10s") Duration connectTimeout,
            @NotNull @DefaultValue("30s") Duration timeout) {

        @Override
        public String toString() {
            // Records print every component; the password must never reach a log line.
            return "Smtp[host=" + host + ", port=" + port + ", username=" + username + ", password=******"
                    + ", starttls=" + starttls + "]";
        }
    }

    /**
     * @param apiKey         {@code SENDGRID_API_KEY}, a key with the "Mail Send" permission
     * @param baseUrl        {@code SENDGRID_BASE_URL}: the API's address; another only for SendGrid's EU
     *                       subuser region ({@code https://api.eu.sendgrid.com}) or a test server
     * @param connectTimeout how long to wait for a connection to the API
     * @param timeout        how long to wait for the API's answer
     */
    public record SendGrid(
            String apiKey,
            @NotNull @DefaultValue("https://api.sendgrid.com") URI baseUrl,
            @NotNull @DefaultValue("10s") Duration connectTimeout,
            @NotNull @DefaultValue("30s") Duration timeout) {

        @Override
        public String toString() {
            return "SendGrid[baseUrl=" + baseUrl + ", apiKey=" + (isSet(apiKey) ? "******" : "(none)") + "]";
        }
    }

    /**
     * @param region           {@code AWS_SES_REGION}, such as {@code us-east-1}
     * @param accessKey        {@code AWS_SES_ACCESS_KEY}; with the secret key, static credentials. Without
     *                         both, the AWS default chain (environment, instance or task role) is used
     * @param secretKey        {@code AWS_SES_SECRET_KEY}
     * @param endpoint         {@code AWS_SES_ENDPOINT}: another address of the API (a VPC endpoint, a test
     *                         server); the region's public endpoint when empty
     * @param configurationSet {@code AWS_SES_CONFIGURATION_SET}: event publishing and IP pool of the messages
     * @param timeout          how long one call may take in all, connecting included
     */
    public record Ses(
            String region,
            String accessKey,
            String secretKey,
            URI endpoint,
            String configurationSet,
            @NotNull @DefaultValue("30s") Duration timeout) {

        public Ses {
            // An empty AWS_SES_ENDPOINT means the region's own endpoint.
            endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
        }

        boolean hasStaticCredentials() {
            return isSet(accessKey) && isSet(secretKey);
        }

        @Override
        public String toString() {
            return "Ses[region=" + region + ", endpoint=" + endpoint + ", configurationSet=" + configurationSet
                    + ", credentials=" + (hasStaticCredentials() ? "static ******" : "default chain") + "]";
        }
    }

    /**
     * @param maxAttempts          attempts before a message is marked {@code FAILED}; the default 60, with pauses
     *                             growing to one hour, rides out a provider outage of about two days
     * @param firstRetryDelay      wait after the first failure; doubles after each further one
     * @param maxRetryDelay        the longest wait between two attempts
     * @param interval             how often the sender job looks for due messages
     * @param batchSize            messages claimed at a time by the sender job
     * @param claimLease           how long a claimed message is reserved for the node sending it; after
     *                             that (the node died) another node may send it. Must exceed the SMTP timeouts.
     * @param concurrency          messages of a claimed batch the sender job sends at once, once the provider
     *                             has accepted one in the run (each still records its own outcome at once)
     * @param immediateConcurrency at most this many transactions' messages are sent right after commit at
     *                             the same time; beyond that the job sends them, so a burst never piles up threads
     */
    public record Delivery(
            @DefaultValue("60") @Min(1) int maxAttempts,
            @NotNull @DefaultValue("1m") Duration firstRetryDelay,
            @NotNull @DefaultValue("1h") Duration maxRetryDelay,
            @NotNull @DefaultValue("30s") Duration interval,
            @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
            @NotNull @DefaultValue("5m") Duration claimLease,
            @DefaultValue("4") @Min(1) @Max(32) int concurrency,
            @DefaultValue("8") @Min(1) int immediateConcurrency) {
    }

    /**
     * @param notificationsDays {@code NOTIFICATIONS_RETENTION_DAYS}: in-app notifications older than this are
     *                          deleted, read or not
     * @param outboxDays        {@code EMAIL_OUTBOX_RETENTION_DAYS}: outbox messages created before this are
     *                          deleted whatever their state; at least 3 days, longer than the retries last
     * @param cron              {@code NOTIFICATIONS_RETENTION_CRON}: when the {@code notifications-retention}
     *                          job runs
     * @param batchSize         rows deleted per statement and transaction
     */
    public record Retention(
            @DefaultValue("180") @Min(1) int notificationsDays,
            @DefaultValue("30") @Min(3) int outboxDays,
            @NotBlank @DefaultValue("0 50 3 * * *") String cron,
            @DefaultValue("1000") @Min(1) @Max(10000) int batchSize) {
    }
}
