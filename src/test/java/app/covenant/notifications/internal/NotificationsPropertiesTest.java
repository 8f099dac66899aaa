package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;

class NotificationsPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Enable.class);

    @Test
    void defaultsToKeepingMessagesInTheOutboxWithTheDocumentedRetries() {
        context.run(started -> {
            NotificationsProperties properties = started.getBean(NotificationsProperties.class);
            assertThat(properties.provider()).isEqualTo(EmailProvider.OUTBOX);
            assertThat(properties.smtp().port()).isEqualTo(587);
            assertThat(properties.smtp().starttls()).isTrue();
            assertThat(properties.delivery().maxAttempts()).isEqualTo(60);
            assertThat(properties.delivery().firstRetryDelay()).isEqualTo(Duration.ofMinutes(1));
            assertThat(properties.delivery().maxRetryDelay()).isEqualTo(Duration.ofHours(1));
            assertThat(properties.delivery().interval()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void refusesSmtpWithoutAHostNamingTheVariable() {
        context.withPropertyValues("covenant.notifications.provider=smtp").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("SMTP_HOST is required when EMAIL_PROVIDER=smtp"));
    }

    @Test
    void refusesASenderThatIsNotAnAddress() {
        context.withPropertyValues("covenant.notifications.from=Covenant").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("EMAIL_FROM"));
    }

    @Test
    void neverPrintsTheSmtpPassword() {
        context.withPropertyValues("covenant.notifications.smtp.password=hunter2-very-secret").run(started ->
                assertThat(started.getBean(NotificationsProperties.class).toString()).doesNotContain("hunter2"));
    }

    @Test
    void refusesSendGridWithoutAnApiKeyNamingTheVariable() {
        context.withPropertyValues("covenant.notifications.provider=sendgrid").run(started ->
                assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("SENDGRID_API_KEY is required when EMAIL_PROVIDER=sendgrid"));
    }

    @Test
    void refusesSesWithoutARegionNamingTheVariable() {
        context.withPropertyValues("covenant.notifications.provider=aws_ses").run(started ->
                assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("AWS_SES_REGION is required when EMAIL_PROVIDER=aws_ses"));
    }

    @Test
    void refusesHalfAStaticSesKeyPair() {
        context.withPropertyValues("covenant.notifications.provider=aws_ses", "covenant.notifications.ses.region=eu-west-1",
                "covenant.notifications.ses.access-key=AKIAEXAMPLE").run(started ->
                assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("AWS_SES_ACCESS_KEY and AWS_SES_SECRET_KEY go together"));
    }

    @Test
    void acceptsSesWithTheDefaultCredentialChainAndAnEmptyEndpoint() {
        context.withPropertyValues("covenant.notifications.provider=aws_ses", "covenant.notifications.ses.region=eu-west-1",
                "covenant.notifications.ses.endpoint=").run(started -> {
            NotificationsProperties properties = started.getBean(NotificationsProperties.class);
            assertThat(properties.provider()).isEqualTo(EmailProvider.AWS_SES);
            assertThat(properties.ses().hasStaticCredentials()).isFalse();
            assertThat(properties.ses().endpoint()).isNull();
        });
    }

    @Test
    void acceptsSendGridWithAKeyAndTheDefaultApiAddress() {
        context.withPropertyValues("covenant.notifications.provider=sendgrid", "covenant.notifications.sendgrid.api-key=SG.k")
                .run(started -> assertThat(started.getBean(NotificationsProperties.class).sendgrid().baseUrl())
                        .hasToString("https://api.sendgrid.com"));
    }

    @Test
    void neverPrintsTheSendGridKeyOrTheSesSecret() {
        context.withPropertyValues("covenant.notifications.sendgrid.api-key=SG.very-secret-key",
                "covenant.notifications.ses.access-key=AKIAEXAMPLEKEYID", "covenant.notifications.ses.secret-key=ses-very-secret")
                .run(started -> assertThat(started.getBean(NotificationsProperties.class).toString())
                        .doesNotContain("SG.very-secret-key", "ses-very-secret", "AKIAEXAMPLEKEYID"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NotificationsProperties.class)
    static class Enable {
    }
}
