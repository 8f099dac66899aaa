package app.covenant.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import app.covenant.contracts.templates.Annexure;
import app.covenant.contracts.templates.TemplateCategory;
import app.covenant.contracts.templates.TemplateDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Versions: concurrent saves numbered 1..N, change summaries, compare, restore, stale edits. */
class VersionsTest extends ContractTestSupport {

    private UUID contract;

    @BeforeEach
    void draft() {
        newTenant();
        contract = id(draft("USER", "Scaffolding"));
    }

    @Test
    void concurrentSavesAllGetTheirOwnNumberWithoutGaps() throws Exception {
        int threads = 4;
        int savesEach = 3;
        String userToken = token("USER");
        String legalToken = token("LEGAL_MANAGER");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < savesEach; i++) {
                    Map<String, Object> edit = edit("Scaffolding " + thread + "." + i);
                    statuses.add(put("/api/v1/contracts/" + contract, edit, thread % 2 == 0 ? userToken : legalToken)
                            .getStatusCode().value());
                }
                return statuses;
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> result : results) {
            statuses.addAll(result.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses).as("each save waits for the one before: none is refused").containsOnly(200);
        List<Integer> numbers = jdbcTemplate.queryForList("select number from contract_versions where contract_id = ? "
                + "order by number", Integer.class, contract);
        int expected = 1 + threads * savesEach;
        assertThat(numbers).hasSize(expected).doesNotHaveDuplicates();
        assertThat(numbers.getFirst()).isEqualTo(1);
        assertThat(numbers.getLast()).isEqualTo(expected);
        assertThat(get("/api/v1/contracts/" + contract, userToken).getBody().get("currentVersion").asInt())
                .isEqualTo(expected);
    }

    @Test
    void changeSummaryCompareAndRestore() {
        Map<String, Object> edit = edit("Scaffolding, phase 2");
        edit.put("amount", "130000");
        edit.put("bodyHtml", "<p>Services for the client from <b>February</b>.</p><p onclick=\"x()\">Extra</p>");
        ResponseEntity<JsonNode> saved = put("/api/v1/contracts/" + contract, edit, token("USER"));
        assertThat(saved.getStatusCode().value()).isEqualTo(200);
        assertThat(saved.getBody().get("currentVersion").asInt()).isEqualTo(2);
        assertThat(saved.getBody().get("bodyHtml").asString()).doesNotContain("onclick");

        JsonNode v2 = get("/api/v1/contracts/" + contract + "/versions/2", token("USER")).getBody();
        assertThat(v2.get("kind").asString()).isEqualTo("EDITED");
        assertThat(v2.get("authorId").asString()).isEqualTo(tenant.userId("USER").toString());
        assertThat(v2.get("changedFields").toString()).contains("title", "amount", "body").doesNotContain("currency");

        JsonNode compared = get("/api/v1/contracts/" + contract + "/versions/compare?from=1&to=2", token("USER"))
                .getBody();
        assertThat(compared.get("changedFields").toString()).contains("\"field\":\"title\"")
                .contains("\"before\":\"Scaffolding\"").contains("\"after\":\"Scaffolding, phase 2\"")
                .contains("\"field\":\"amount\"");
        List<String> kinds = new ArrayList<>();
        StringBuilder inserted = new StringBuilder();
        StringBuilder deleted = new StringBuilder();
        compared.get("body").get("segments").forEach(segment -> {
            assertThat(segment.size()).as("a segment is its kind and text, nothing more").isEqualTo(2);
            kinds.add(segment.get("kind").asString());
            if (segment.get("kind").asString().equals("INSERT")) {
                inserted.append(segment.get("text").asString());
            } else if (segment.get("kind").asString().equals("DELETE")) {
                deleted.append(segment.get("text").asString());
            }
        });
        assertThat(kinds).contains("EQUAL", "INSERT", "DELETE");
        assertThat(inserted.toString()).contains("February").contains("Extra");
        assertThat(deleted.toString()).contains("2027-01-01");
        assertThat(compared.get("annexures").get(0).get("status").asString()).isEqualTo("UNCHANGED");
        assertThat(get("/api/v1/contracts/" + contract + "/versions/compare?from=1&to=9", token("USER"))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/v1/contracts/" + contract + "/versions/compare?to=2", token("USER"))
                .getStatusCode().value()).isEqualTo(400);

        JsonNode restored = post("/api/v1/contracts/" + contract + "/versions/1/restore", Map.of(), token("USER"))
                .getBody();
        assertThat(restored.get("currentVersion").asInt()).isEqualTo(3);
        assertThat(restored.get("title").asString()).isEqualTo("Scaffolding");
        assertThat(restored.get("amount").asString()).isEqualTo("125000.00");
        JsonNode v3 = get("/api/v1/contracts/" + contract + "/versions/3", token("USER")).getBody();
        assertThat(v3.get("kind").asString()).isEqualTo("RESTORED");
        assertThat(v3.get("restoredFrom").asInt()).isEqualTo(1);
        assertThat(v3.get("bodySha256").asString()).isEqualTo(get("/api/v1/contracts/" + contract + "/versions/1",
                token("USER")).getBody().get("bodySha256").asString());
        JsonNode list = get("/api/v1/contracts/" + contract + "/versions?size=2", token("USER")).getBody();
        assertThat(list.get("content").get(0).get("number").asInt()).isEqualTo(3);
        assertThat(list.get("page").get("totalElements").asInt()).isEqualTo(3);

        post("/api/v1/contracts/" + contract + "/submit", Map.of(), token("USER"));
        assertThat(post("/api/v1/contracts/" + contract + "/versions/2/restore", Map.of(), token("USER"))
                .getStatusCode().value()).as("not editable in review").isEqualTo(409);
        assertThat(put("/api/v1/contracts/" + contract, edit("In review"), token("USER")).getStatusCode().value())
                .isEqualTo(409);
        assertThat(jdbcTemplate.queryForObject("select count(*) from contract_versions where contract_id = ?",
                Long.class, contract)).isEqualTo(3);
    }

    @Test
    void aStaleEditIsRefusedAndBadInputChangesNothing() {
        long version = get("/api/v1/contracts/" + contract, token("USER")).getBody().get("version").asLong();
        assertThat(putWithIfMatch("/api/v1/contracts/" + contract, edit("First"), token("USER"), "\"" + version + "\"")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(putWithIfMatch("/api/v1/contracts/" + contract, edit("Second"), token("USER"), "\"" + version + "\"")
                .getStatusCode().value()).isEqualTo(409);
        Map<String, Object> stale = edit("Third");
        stale.put("version", version);
        assertThat(put("/api/v1/contracts/" + contract, stale, token("USER")).getStatusCode().value()).isEqualTo(409);
        Map<String, Object> bad = edit("Backwards");
        bad.put("endDate", "2026-01-01");
        assertThat(put("/api/v1/contracts/" + contract, bad, token("USER")).getStatusCode().value()).isEqualTo(400);
        assertThat(put("/api/v1/contracts/" + contract, edit("Not mine"), token("FINANCE_MANAGER")).getStatusCode()
                .value()).isEqualTo(403);
        JsonNode now = get("/api/v1/contracts/" + contract, token("USER")).getBody();
        assertThat(now.get("title").asString()).isEqualTo("First");
        assertThat(now.get("currentVersion").asInt()).isEqualTo(2);
    }

    @Test
    void variablesAloneFillTheTemplateAgain() {
        Map<String, Object> edit = edit("Scaffolding");
        edit.put("variables", Map.of("CLIENT_NAME", "Beta Builders", "START", "2027-03-01", "SCOPE", "Towers"));
        JsonNode saved = put("/api/v1/contracts/" + contract, edit, token("USER")).getBody();
        assertThat(saved.get("bodyHtml").asString()).contains("Beta Builders").contains("2027-03-01");
        assertThat(saved.get("annexures").get(0).get("html").asString()).contains("Towers");
        JsonNode compared = get("/api/v1/contracts/" + contract + "/versions/compare?from=1&to=2", token("USER"))
                .getBody();
        assertThat(compared.get("changedFields").toString()).contains("variables.CLIENT_NAME");
        assertThat(compared.get("annexures").get(0).get("status").asString()).isEqualTo("CHANGED");
    }

    @Test
    void variablesSentWithAHandWrittenBodyAreStillCheckedByType() {
        Map<String, Object> edit = edit("Scaffolding");
        edit.put("bodyHtml", "<p>Written by hand for Beta Builders.</p>");
        edit.put("variables", Map.of("CLIENT_NAME", "Beta Builders", "START", "next spring"));
        ResponseEntity<JsonNode> refused = put("/api/v1/contracts/" + contract, edit, token("USER"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").toString()).contains("variables.START");
        assertThat(get("/api/v1/contracts/" + contract, token("USER")).getBody().get("currentVersion").asInt())
                .as("nothing saved").isEqualTo(1);

        edit.put("variables", Map.of("CLIENT_NAME", "Beta Builders", "START", "2027-03-01"));
        JsonNode saved = put("/api/v1/contracts/" + contract, edit, token("USER")).getBody();
        assertThat(saved.get("bodyHtml").asString()).isEqualTo("<p>Written by hand for Beta Builders.</p>");
        assertThat(saved.get("variables").get("START").asString()).isEqualTo("2027-03-01");
    }

    /** CLM.md: "editing a template never changes contracts already created from it" — not even on a refill. */
    @Test
    void variablesRefillFromTheContractsOwnTemplateVersionNotTheTemplatesLatest() {
        library.revise(templateManager(tenant), templateId, new TemplateDraft(null, "Test services",
                TemplateCategory.SERVICE_AGREEMENT, "For tests", "<p>Version two for {{CLIENT_NAME}} only.</p>",
                List.of(new Annexure("Scope v2", "<p>Other scope: {{SCOPE}}</p>")), List.of()));

        Map<String, Object> edit = edit("Scaffolding");
        edit.put("variables", Map.of("CLIENT_NAME", "Beta Builders", "START", "2027-03-01", "SCOPE", "Towers"));
        ResponseEntity<JsonNode> saved = put("/api/v1/contracts/" + contract, edit, token("USER"));
        assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);
        assertThat(saved.getBody().get("bodyHtml").asString())
                .isEqualTo("<p>Services for Beta Builders from 2027-03-01.</p>");
        assertThat(saved.getBody().get("annexures").get(0).get("title").asString()).isEqualTo("Scope");
        assertThat(saved.getBody().get("annexures").get(0).get("html").asString()).isEqualTo("<p>Scope: Towers</p>");
        assertThat(saved.getBody().get("templateVersion").asInt()).isEqualTo(1);

        // A retired template still fills at the contract's version: the contract keeps what it was made from.
        library.retire(templateManager(tenant), templateId);
        edit.put("variables", Map.of("CLIENT_NAME", "Gamma Glass", "START", "2027-04-01"));
        ResponseEntity<JsonNode> afterRetiring = put("/api/v1/contracts/" + contract, edit, token("USER"));
        assertThat(afterRetiring.getStatusCode().value()).as(String.valueOf(afterRetiring.getBody())).isEqualTo(200);
        assertThat(afterRetiring.getBody().get("bodyHtml").asString())
                .isEqualTo("<p>Services for Gamma Glass from 2027-04-01.</p>");
        assertThat(afterRetiring.getBody().get("templateVersion").asInt()).isEqualTo(1);
    }

    private Map<String, Object> edit(String title) {
        Map<String, Object> edit = new HashMap<>(createBody(title));
        edit.remove("templateId");
        edit.remove("variables");
        return edit;
    }
}
