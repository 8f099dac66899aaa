package app.covenant.contracts.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.shared.problem.ProblemException;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link ContractTemplates} as contracts use it: the global templates seeded at start (once, by code), the current
 * version of a template, and filling it — values escaped, checked by type, defaults taken, every missing or bad
 * value named as {@code variables.KEY}, retired templates refused, another organization's template unknown.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateFillingTest {

    @Autowired
    ContractTemplates templates;

    @Autowired
    ContractTemplateLibrary library;

    @Autowired
    JdbcTemplate jdbc;

    private Tenant tenant;
    private Tenant other;

    @BeforeAll
    void data() {
        tenant = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
    }

    @Test
    void theGlobalTemplatesAreSeededOnceEachWithAnnexuresAndDefinedVariables() {
        assertThat(jdbc.queryForList("select code from contract_templates where scope_key = 'global' order by code",
                String.class)).containsExactly("MASTER-SUBCONTRACT", "MUTUAL-NDA", "PURCHASE-ORDER", "SERVICE-AGREEMENT");
        for (String code : List.of("MASTER-SUBCONTRACT", "MUTUAL-NDA", "PURCHASE-ORDER", "SERVICE-AGREEMENT")) {
            TemplateSnapshot snapshot = templates.current(tenant.organizationId(), global(code));
            assertThat(snapshot.version()).isEqualTo(1);
            assertThat(snapshot.annexures()).as(code).isNotEmpty();
            assertThat(snapshot.variables()).as(code).hasSizeGreaterThan(5)
                    .allSatisfy(variable -> assertThat(variable.label()).doesNotMatch("[A-Z_]+"));
            assertThat(snapshot.bodyHtml()).doesNotContain("<script");
        }
    }

    @Test
    void fillingEscapesValuesBreaksTextareaLinesAndTakesDefaults() {
        UUID nda = global("MUTUAL-NDA");
        Map<String, String> values = ndaValues();
        values.put("PARTY_A_NAME", "<b>Acme</b> & Sons");
        values.put("PARTY_A_ADDRESS", "1 Main Street\nSpringfield");
        FilledTemplate filled = templates.fill(tenant.organizationId(), nda, values);

        assertThat(filled.templateVersion()).isEqualTo(1);
        assertThat(filled.bodyHtml()).contains("&lt;b&gt;Acme&lt;/b&gt; &amp; Sons", "1 Main Street<br>Springfield",
                        "<b>2027-01-15</b>", "for <b>2</b> year(s)")
                .doesNotContain("<b>Acme</b>", "{{");
        assertThat(filled.annexures()).allSatisfy(annexure -> assertThat(annexure.html()).doesNotContain("{{"));
        assertThat(filled.annexures().getFirst().html()).contains("Business plans, pricing");
        assertThat(filled.values()).containsEntry("TERM_YEARS", "2").containsEntry("PARTY_A_NAME", "<b>Acme</b> & Sons")
                .containsEntry("EFFECTIVE_DATE", "2027-01-15");
    }

    @Test
    void everyMissingOrMalformedValueIsNamed() {
        UUID order = global("PURCHASE-ORDER");
        Map<String, String> values = new HashMap<>();
        values.put("PO_DATE", "15/01/2027");
        values.put("TOTAL_AMOUNT", "-5");
        values.put("CURRENCY", "BTC");
        values.put("WARRANTY_MONTHS", "twelve");
        values.put("PO_NUMBER", "x".repeat(501));
        assertThatThrownBy(() -> templates.fill(tenant.organizationId(), order, values))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).extracting(ProblemException.FieldError::field).contains(
                            "variables.PO_DATE", "variables.TOTAL_AMOUNT", "variables.CURRENCY",
                            "variables.WARRANTY_MONTHS", "variables.PO_NUMBER", "variables.BUYER_NAME",
                            "variables.DELIVERY_DATE").doesNotContain("variables.SPECIAL_INSTRUCTIONS",
                            "variables.PAYMENT_TERMS");
                    assertThat(problem.errors().toString()).contains("yyyy-MM-dd", "must not be negative", "USD");
                });
    }

    @Test
    void moneyIsNormalisedToTwoDecimals() {
        Map<String, String> values = orderValues();
        values.put("TOTAL_AMOUNT", "12,500.5");
        FilledTemplate filled = templates.fill(tenant.organizationId(), global("PURCHASE-ORDER"), values);
        assertThat(filled.values()).containsEntry("TOTAL_AMOUNT", "12500.50");
        assertThat(filled.bodyHtml()).contains("USD 12500.50");

        values.put("TOTAL_AMOUNT", "1.005");
        assertThatThrownBy(() -> templates.fill(tenant.organizationId(), global("PURCHASE-ORDER"), values))
                .hasFieldOrPropertyWithValue("status", 400);
    }

    /** "1e40000000" is short but forty million digits written out: refused before anything writes or scales it. */
    @Test
    void numbersWithHugeExponentsAreRefusedAtOnce() {
        Map<String, String> values = orderValues();
        values.put("TOTAL_AMOUNT", "1e40000000");
        values.put("WARRANTY_MONTHS", "1e40000000");
        long started = System.nanoTime();
        assertThatThrownBy(() -> templates.fill(tenant.organizationId(), global("PURCHASE-ORDER"), values))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.errors())
                        .extracting(ProblemException.FieldError::field)
                        .contains("variables.TOTAL_AMOUNT", "variables.WARRANTY_MONTHS"));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(1));
    }

    @Test
    void anotherOrganizationsTemplateIsUnknownAndARetiredOneCannotBeUsed() {
        UUID own = jdbc.queryForObject("select id from contract_templates where scope_key = 'global' and code = "
                + "'MUTUAL-NDA'", UUID.class);
        assertThat(own).isNotNull();
        UUID id = library.create(TemplateCallers.manager(tenant), new TemplateDraft("FILL-PRIVATE", "Private",
                TemplateCategory.OTHER, null, "<p>Dear {{NAME}}</p>", List.of(), List.of()), false).id();
        assertThat(templates.fill(tenant.organizationId(), id, Map.of("NAME", "Ann")).bodyHtml())
                .isEqualTo("<p>Dear Ann</p>");
        assertThatThrownBy(() -> templates.current(other.organizationId(), id))
                .hasFieldOrPropertyWithValue("status", 404);
        assertThatThrownBy(() -> templates.current(tenant.organizationId(), UUID.randomUUID()))
                .hasFieldOrPropertyWithValue("status", 404);

        library.retire(TemplateCallers.manager(tenant), id);
        assertThatThrownBy(() -> templates.fill(tenant.organizationId(), id, Map.of("NAME", "Ann")))
                .hasFieldOrPropertyWithValue("status", 409);
    }

    private UUID global(String code) {
        return jdbc.queryForObject("select id from contract_templates where scope_key = 'global' and code = ?",
                UUID.class, code);
    }

    static Map<String, String> ndaValues() {
        Map<String, String> values = new HashMap<>();
        values.put("EFFECTIVE_DATE", "2027-01-15");
        values.put("PARTY_A_NAME", "Acme Builders LLC");
        values.put("PARTY_A_ADDRESS", "1 Main Street, Springfield");
        values.put("PARTY_B_NAME", "Beta Electric Inc");
        values.put("PARTY_B_ADDRESS", "2 High Street, Shelbyville");
        values.put("PARTY_A_SIGNATORY", "Ann Smith");
        values.put("PARTY_A_TITLE", "CEO");
        values.put("PARTY_B_SIGNATORY", "Bob Jones");
        values.put("PARTY_B_TITLE", "President");
        return values;
    }

    static Map<String, String> orderValues() {
        Map<String, String> values = new HashMap<>();
        values.put("PO_NUMBER", "PO-1001");
        values.put("PO_DATE", "2027-01-15");
        values.put("BUYER_NAME", "Acme Builders LLC");
        values.put("BUYER_ADDRESS", "1 Main Street");
        values.put("BUYER_CONTACT", "Ann Smith, ann@acme.test");
        values.put("SUPPLIER_NAME", "Supply Co");
        values.put("SUPPLIER_ADDRESS", "3 Dock Road");
        values.put("ITEMS", "10 x conduit, 12.00 each");
        values.put("TOTAL_AMOUNT", "120");
        values.put("DELIVERY_ADDRESS", "Site 4");
        values.put("DELIVERY_DATE", "2027-02-01");
        return values;
    }
}
