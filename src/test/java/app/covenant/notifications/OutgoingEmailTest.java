package app.covenant.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutgoingEmailTest {

    @Test
    void acceptsABareAddressAndKeepsNullModelValues() {
        Map<String, Object> model = new HashMap<>();
        model.put("name", null);
        UUID organization = UUID.randomUUID();

        OutgoingEmail email = new OutgoingEmail(" ana@example.com ", " Reset your password ", "password-reset", model, organization);

        assertThat(email.to()).isEqualTo("ana@example.com");
        assertThat(email.subject()).isEqualTo("Reset your password");
        assertThat(email.model()).containsEntry("name", null);
        assertThat(email.organizationId()).isEqualTo(organization);
        assertThat(new OutgoingEmail("ana@example.com", "Hi", "invitation", null).model()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ana", "ana@", "@example.com", "Ana <ana@example.com>", "ana@example.com, bob@example.com",
            "ana@example.com\r\nBcc: bob@example.com", "ana smith@example.com"})
    void refusesAnythingButOneBareAddress(String to) {
        assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail(to, "Hi", "invitation", Map.of()))
                .withMessageNotContaining("example.com");
    }

    @Test
    void refusesASubjectThatCouldInjectHeadersOrIsTooLong() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutgoingEmail("ana@example.com", "Hi\r\nBcc: bob@example.com", "invitation", Map.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutgoingEmail("ana@example.com", "x".repeat(256), "invitation", Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail("ana@example.com", " ", "invitation", Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../layout", "Invitation", "invitation.html", "a/b", "-reset"})
    void refusesTemplateNamesThatAreNotPlainNames(String template) {
        assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail("ana@example.com", "Hi", template, Map.of()));
    }

    @Test
    void attachmentsAreLimitedInSizeAndNamedWithoutAPath() {
        OutgoingEmail email = new OutgoingEmail("ana@example.com", "Completed", "signing-completed", Map.of());
        assertThat(email.attachments()).isEmpty();
        byte[] fits = new byte[OutgoingEmail.MAX_ATTACHMENTS_BYTES / 2];
        assertThat(email.withAttachments(java.util.List.of(new OutgoingEmail.Attachment("a.pdf", "application/pdf", fits),
                new OutgoingEmail.Attachment("b.pdf", "application/pdf", fits))).attachments()).hasSize(2);
        assertThatIllegalArgumentException().isThrownBy(() -> email.withAttachments(java.util.List.of(
                new OutgoingEmail.Attachment("a.pdf", "application/pdf", fits),
                new OutgoingEmail.Attachment("b.pdf", "application/pdf", new byte[fits.length + 1]))));
        assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail.Attachment("../a.pdf", "application/pdf",
                new byte[1]));
        assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail.Attachment("a.pdf", "pdf", new byte[1]));
    }
}
