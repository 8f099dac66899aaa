package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import app.covenant.notifications.OutgoingEmail;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTemplateRendererTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"Co\"";
    private static final Instant EXPIRES = Instant.parse("2026-12-01T09:05:00Z");

    private final EmailTemplateRenderer renderer = new EmailTemplateRenderer(URI.create("https://covenant.test/"));

    @Test
    void invitationEscapesEveryValueAndLinksAbsolutely() {
        RenderedEmail email = render("invitation", Map.of("inviterName", HOSTILE, "organizationName", "Acme <Builders>",
                "roleName", "Manager", "link", "/invitations/accept?token=tok-123", "expiresAt", EXPIRES));

        assertThat(email.html())
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;", "Acme &lt;Builders&gt;")
                .doesNotContain("<script>", "<Builders>", "th:text", "th:href", "xmlns:th")
                .contains("href=\"https://covenant.test/invitations/accept?token=tok-123\"")
                .contains("1 December 2026 at 09:05 UTC")
                .contains("Covenant", "replies are not read")
                .contains("class=\"button\" style=\"display:inline-block;background-color:#1d5c8f;color:#ffffff;");
        assertThat(email.text())
                .startsWith("Covenant\n")
                .contains(HOSTILE + " invited you to join Acme <Builders> on Covenant as Manager.")
                .contains("https://covenant.test/invitations/accept?token=tok-123")
                .contains("1 December 2026 at 09:05 UTC")
                .contains("Sent by Covenant (https://covenant.test)")
                .doesNotContain("[(", "[#", "th:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password-reset", "email-verification"})
    void tokenMessagesGreetByNameOrPolitelyWithout(String template) {
        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put("name", null);
        anonymous.put("link", "/t?token=abc");
        anonymous.put("expiresAt", EXPIRES);

        RenderedEmail named = render(template, Map.of("name", "Ana & Bo", "link", "/t?token=abc", "expiresAt", EXPIRES));
        RenderedEmail unnamed = render(template, anonymous);

        assertThat(named.html()).contains("Hello Ana &amp; Bo,").contains("https://covenant.test/t?token=abc");
        assertThat(named.text()).contains("Hello Ana & Bo,").contains("https://covenant.test/t?token=abc");
        assertThat(unnamed.html()).contains("Hello,");
        assertThat(unnamed.text()).contains("Hello,");
    }

    @Test
    void passwordChangedCarriesNoLinkButTheApplication() {
        RenderedEmail email = render("password-changed", Map.of("name", "Ana", "changedAt", EXPIRES));

        assertThat(email.html()).contains("Hello Ana,", "1 December 2026 at 09:05 UTC", "href=\"https://covenant.test\"");
        assertThat(email.text()).contains("Hello Ana,", "1 December 2026 at 09:05 UTC").doesNotContain("token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/reset", "//evil.example/reset", "javascript:alert(1)",
            "/reset?token=a b", "https://covenant.test.evil.example/x", "/x\\y"})
    void refusesLinksThatLeadAnywhereButThisApplication(String link) {
        assertThatIllegalArgumentException().isThrownBy(() -> render("password-reset",
                Map.of("name", "Ana", "link", link, "expiresAt", EXPIRES)));
    }

    @Test
    void flattensLineBreaksSoAValueCannotForgeLinesOfThePlainText() {
        RenderedEmail email = render("password-changed",
                Map.of("name", "Ana\r\n\r\nUrgent: sign in at https://evil.example", "changedAt", EXPIRES));

        assertThat(email.text()).contains("Hello Ana Urgent: sign in at https://evil.example,")
                .doesNotContain("\nUrgent");
    }

    @Test
    void keepsAnAbsoluteLinkIntoThisApplication() {
        RenderedEmail email = render("password-reset",
                Map.of("name", "Ana", "link", "https://covenant.test/reset?token=abc", "expiresAt", EXPIRES));

        assertThat(email.html()).contains("href=\"https://covenant.test/reset?token=abc\"");
    }

    @Test
    void refusesUnknownTemplatesTheLayoutAndReservedNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> render("no-such-template", Map.of()))
                .withMessageContaining("templates/email/no-such-template.html");
        assertThatIllegalArgumentException().isThrownBy(() -> render("layout", Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> render("password-changed", Map.of("bodyTemplate", "x")));
    }

    @Test
    void aModelPreparedAndStoredAsJsonRendersExactlyAsRenderingAtOnce() {
        DeferredRendering deferred = new DeferredRendering(renderer, tools.jackson.databind.json.JsonMapper.builder().build());
        OutgoingEmail email = new OutgoingEmail("ana@example.com", "Subject", "invitation", Map.of("inviterName", HOSTILE,
                "organizationName", "Acme", "roleName", "Manager", "link", "/invitations/accept?token=tok-123",
                "expiresAt", EXPIRES, "seats", 3, "fee", new java.math.BigDecimal("12.50"),
                "rows", java.util.List.of(Map.of("name", "A", "paid", true))));

        String json = deferred.store(renderer.prepareAll(java.util.List.of(email)).getFirst());

        assertThat(deferred.render("invitation", "Subject", json)).isEqualTo(renderer.render(email));
        assertThat(json).contains("\"fee\":12.50", "1 December 2026 at 09:05 UTC");
    }

    private RenderedEmail render(String template, Map<String, Object> model) {
        return renderer.render(new OutgoingEmail("ana@example.com", "Subject", template, model));
    }
}
