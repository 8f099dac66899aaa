package app.covenant.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Chooses the e-mail provider from {@code EMAIL_PROVIDER} and says at startup where e-mail goes, so an
 * operator who sees no e-mail arrive knows why from the first lines of the log.
 */
@Configuration(proxyBeanMethods = false)
class EmailProviderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmailProviderConfiguration.class);

    private final NotificationsProperties properties;

    EmailProviderConfiguration(NotificationsProperties properties) {
        this.properties = properties;
    }

    @Bean
    @ConditionalOnProperty(prefix = "covenant.notifications", name = "provider", havingValue = "smtp")
    EmailSender smtpEmailSender() {
        return new SmtpEmailSender(properties);
    }

    @Bean
    @ConditionalOnProperty(prefix = "covenant.notifications", name = "provider", havingValue = "sendgrid")
    EmailSender sendGridEmailSender() {
        return new SendGridEmailSender(properties);
    }

    @Bean
    @ConditionalOnProperty(prefix = "covenant.notifications", name = "provider", havingValue = "aws_ses")
    EmailSender sesEmailSender() {
        return new SesEmailSender(properties);
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportProvider() {
        switch (properties.provider()) {
            case OUTBOX -> log.info("E-mail provider: outbox. Messages are kept in the outbox as PENDING and not sent;"
                    + " read them in the admin outbox page, or set EMAIL_PROVIDER (smtp, sendgrid, aws_ses) to deliver them");
            case SMTP -> log.info("E-mail provider: smtp via {}:{} (STARTTLS {}), from {}", properties.smtp().host(),
                    properties.smtp().port(), properties.smtp().starttls() ? "required" : "off", properties.from());
            case SENDGRID -> log.info("E-mail provider: sendgrid via {}, from {}", properties.sendgrid().baseUrl(),
                    properties.from());
            case AWS_SES -> log.info("E-mail provider: aws_ses in {} via {} ({} credentials{}), from {}",
                    properties.ses().region(),
                    properties.ses().endpoint() == null ? "the region's endpoint" : properties.ses().endpoint(),
                    properties.ses().hasStaticCredentials() ? "static" : "default AWS",
                    properties.ses().configurationSet() == null ? "" : ", configuration set " + properties.ses().configurationSet(),
                    properties.from());
        }
    }
}
