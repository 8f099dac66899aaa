package app.covenant.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class ToastsTest {

    @Test
    void aToastIsAnHtmxEventWithItsMessage() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Toasts.success(response, "Saved \"Q1\" — done.");

        assertThat(response.getHeader("HX-Trigger"))
                .isEqualTo("{\"covenant:toast\":{\"kind\":\"success\",\"message\":\"Saved \\\"Q1\\\" \\u2014 done.\"}}");
    }

    @Test
    void eventsTheResponseAlreadyRaisesAreKept() {
        MockHttpServletResponse named = new MockHttpServletResponse();
        named.setHeader("HX-Trigger", "notifications-changed");
        Toasts.show(named, Toasts.Kind.INFO, "Read.");
        assertThat(named.getHeader("HX-Trigger")).isEqualTo(
                "{\"notifications-changed\":null,\"covenant:toast\":{\"kind\":\"info\",\"message\":\"Read.\"}}");

        MockHttpServletResponse json = new MockHttpServletResponse();
        json.setHeader("HX-Trigger", "{\"row-changed\":{\"id\":1}}");
        Toasts.success(json, "Saved.");
        assertThat(json.getHeader("HX-Trigger")).isEqualTo(
                "{\"row-changed\":{\"id\":1},\"covenant:toast\":{\"kind\":\"success\",\"message\":\"Saved.\"}}");
    }
}
