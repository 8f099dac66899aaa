package app.covenant.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.view.RedirectView;

class LocalRedirectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/documents", "/admin/users?q=ana&page=2", "/documents/a%20b", "/admin/audit?from=2026-01-01T00:00"})
    void aLocalPathIsKept(String next) {
        assertThat(LocalRedirects.localPath(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example",
            "javascript:alert(1)", "documents", "/login", "/logout", "/login?next=/x", "/a\nb", "/a b", " /documents"})
    void anythingThatCouldLeaveTheSiteOrLoopGoesHome(String next) {
        assertThat(LocalRedirects.localPath(next)).isEqualTo("/");
    }

    @Test
    void encodedControlCharactersStayEncoded() {
        assertThat(LocalRedirects.localPath("/%0d%0aSet-Cookie:x")).isEqualTo("/%0d%0aSet-Cookie:x");
    }

    @Test
    void nothingOrTooLongGoesHome() {
        assertThat(LocalRedirects.localPath(null)).isEqualTo("/");
        assertThat(LocalRedirects.localPath("/" + "a".repeat(2000))).isEqualTo("/");
    }

    @Test
    void afterSwitchingOrganizationARecordPageBecomesItsList() {
        assertThat(LocalRedirects.afterSwitch("/documents/6f1c2a4e-8b7d-4c3e-9a1b-2d3e4f5a6b7c")).isEqualTo("/documents");
        assertThat(LocalRedirects.afterSwitch("/admin/users/6f1c2a4e-8b7d-4c3e-9a1b-2d3e4f5a6b7c/role?x=1"))
                .isEqualTo("/admin/users");
        assertThat(LocalRedirects.afterSwitch("/notifications?unread=true")).isEqualTo("/notifications");
        assertThat(LocalRedirects.afterSwitch("https://evil.example")).isEqualTo("/");
    }

    @Test
    void theRedirectIsTakenLiterallyAsA303() throws Exception {
        RedirectView view = LocalRedirects.to("/documents?name={x}");
        MockHttpServletResponse response = new MockHttpServletResponse();
        view.render(Map.of("x", "injected", "secret", "value"), new MockHttpServletRequest(), response);

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getRedirectedUrl()).isEqualTo("/documents?name={x}");
    }
}
