package app.covenant.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.covenant.shared.security.Caller;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API and the page as rendered, for a signed-in caller put straight into the security context
 * (real sign-in comes with the identity module; see the HTTP tests there).
 */
@AuditIntegrationTest
class AuditWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    @Autowired
    JsonMapper mapper;

    final UUID organization = UUID.randomUUID();
    String target;

    @BeforeEach
    void anEntry() {
        target = AuditTrailTest.unique("target");
        trail.record(AuditEntry.of("identity", "user.updated").organization(organization)
                .actor(UUID.randomUUID(), "admin@covenant.test").target("user", target)
                .before(Map.of("name", "Old", "password", "x")).after(Map.of("name", "New")));
    }

    @Test
    void listsEntriesInThePageFormatOfTheApi() throws Exception {
        String body = mvc.perform(get("/api/v1/audit").param("targetId", target).with(as(reader())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();

        JsonNode page = mapper.readTree(body);
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(page.get("page").has("totalPages")).isTrue();
        JsonNode entry = page.get("content").get(0);
        assertThat(entry.propertyNames()).contains("id", "occurredAt", "organizationId", "actorId", "actorEmail",
                "module", "action", "targetType", "targetId", "before", "after", "ipAddress", "userAgent",
                "correlationId", "visibility", "hash");
        assertThat(entry.get("organizationId").asString()).isEqualTo(organization.toString());
        assertThat(entry.get("before").get("password").asString()).isEqualTo("[REDACTED]");
        assertThat(entry.get("after").get("name").asString()).isEqualTo("New");
        assertThat(entry.get("occurredAt").asString()).endsWith("Z");
    }

    @Test
    void answersTheChainCheck() throws Exception {
        String body = mvc.perform(get("/api/v1/audit/verify").with(as(verifier())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        JsonNode result = mapper.readTree(body);
        assertThat(result.get("valid").asBoolean()).isTrue();
        assertThat(result.get("checked").asLong()).isPositive();
        assertThat(result.propertyNames()).contains("firstBrokenId", "anchorId", "verifiedAt");
    }

    @Test
    void rejectsAMalformedTime() throws Exception {
        mvc.perform(get("/api/v1/audit").param("from", "yesterday").with(as(reader())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void rendersThePageWithFiltersEntriesAndTheVerifyButton() throws Exception {
        String html = mvc.perform(get("/admin/audit").param("targetId", target).with(as(verifier())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<title>Audit log", "name=\"targetId\"", "user.updated", "admin@covenant.test",
                "hx-get=\"/admin/audit/verify\"", "Showing", "&quot;password&quot; : &quot;[REDACTED]&quot;",
                "href=\"/admin/audit\"");
        assertThat(html).as("the navigation link").contains("Audit log</span>");
        assertThat(html).doesNotContain("style=", "<style", "onclick");
    }

    @Test
    void explainsAnEmptyResultAndABadFilter() throws Exception {
        String html = mvc.perform(get("/admin/audit").param("targetId", "nothing-" + target).param("from", "soon")
                        .with(as(reader())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("No entries match these filters", "From must be a date and time", "Clear filters");
    }

    @Test
    void showsTheChainCheckAsAnAlert() throws Exception {
        String html = mvc.perform(get("/admin/audit/verify").with(as(verifier())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("alert-success", "The chain is intact").doesNotContain("<html");
    }

    private Caller verifier() {
        return AuditSearchTest.reader(organization, "audit:read", "audit:verify");
    }

    private Caller reader() {
        return AuditSearchTest.reader(organization, "audit:read");
    }

    private static RequestPostProcessor as(Caller caller) {
        return authentication(new UsernamePasswordAuthenticationToken(caller, null,
                AuthorityUtils.createAuthorityList(caller.permissions().toArray(String[]::new))));
    }
}
