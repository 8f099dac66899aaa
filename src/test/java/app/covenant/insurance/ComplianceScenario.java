package app.covenant.insurance;

import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One organization's insurance records for the overview, report and home card tests, beside another
 * organization's (which must never show up). Dates are relative to today (UTC, the application's clock).
 *
 * <pre>
 * GC "Alpha Builders" (people: the tenant's CONTRACTOR)      GC "Beta Construction"
 *   project "Alpha Tower" (ACTIVE)                            project "Beta Bridge" (PLANNING)
 *     Sparks Electric   NON_COMPLIANT  old ACTIVE (policy +60 d), latest DEFICIENCY_PENDING (2 deficiencies)
 *     =HYPERLINK("x")   EXPIRED        EXPIRED
 *     Roof, "Top" Co    COMPLIANT      ACTIVE: GL +5 d, AUTO +20 d, WC +45 d (global broker: the tenant's BROKER)
 *     Pending Plumbing  (no standing)  AWAITING_ADMIN_REVIEW, requested 3 days ago
 *                                                               Sparks Electric   ACTIVE: GL +10 d (GL broker Gil Lines)
 *                                                               Inactive Iron (INACTIVE) NON_COMPLIANT  AWAITING_BROKER_INFO
 * Sparks Electric's people: the tenant's SUBCONTRACTOR.
 * </pre>
 */
public final class ComplianceScenario {

    public static final String FORMULA_SUB = "=HYPERLINK(\"x\")";
    public static final String QUOTED_SUB = "Roof, \"Top\" Co";

    public final Tenant home;
    public final Tenant other;
    public final UUID alpha;
    public final UUID beta;
    public final UUID alphaTower;
    public final UUID betaBridge;
    public final UUID sparks;
    public final UUID formula;
    public final UUID roof;
    public final UUID pending;
    public final UUID inactive;
    public final UUID sparksDeficient;
    public final UUID sparksOnBeta;
    public final UUID roofActive;
    public final UUID formulaExpired;
    public final UUID pendingInReview;
    public final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    public ComplianceScenario(JdbcTemplate jdbc) {
        InsuranceRows rows = new InsuranceRows(jdbc);
        home = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
        UUID org = home.organizationId();
        Instant now = Instant.now();

        alpha = rows.generalContractor(org, "Alpha Builders");
        beta = rows.generalContractor(org, "Beta Construction");
        rows.link(alpha, home.userId("CONTRACTOR"));
        sparks = rows.subcontractor(org, "Sparks Electric");
        formula = rows.subcontractor(org, FORMULA_SUB);
        roof = rows.subcontractor(org, QUOTED_SUB);
        pending = rows.subcontractor(org, "Pending Plumbing");
        inactive = rows.contractor(org, "SUBCONTRACTOR", "Inactive Iron", "INACTIVE");
        rows.link(sparks, home.userId("SUBCONTRACTOR"));
        for (UUID sub : new UUID[] {sparks, formula, roof, pending}) {
            rows.worksFor(sub, alpha);
        }
        rows.worksFor(sparks, beta);
        rows.worksFor(inactive, beta);
        rows.standing(sparks, "NON_COMPLIANT");
        rows.standing(formula, "EXPIRED");
        rows.standing(roof, "COMPLIANT");
        rows.standing(inactive, "NON_COMPLIANT");

        alphaTower = rows.project(org, alpha, "Alpha Tower", "ACTIVE");
        betaBridge = rows.project(org, beta, "Beta Bridge", "PLANNING");
        for (UUID sub : new UUID[] {sparks, formula, roof, pending}) {
            rows.assign(alphaTower, sub);
        }
        rows.assign(betaBridge, sparks);
        rows.assign(betaBridge, inactive);

        UUID sparksOld = rows.coi(alphaTower, sparks, "ACTIVE", now.minus(Duration.ofDays(10)));
        rows.policy(sparksOld, "GL", "Old Mutual", "GL-OLD", today.plusDays(60));
        sparksDeficient = rows.coi(alphaTower, sparks, "DEFICIENCY_PENDING", now.minus(Duration.ofDays(1)));
        rows.deficiency(sparksDeficient, 0, "GL_EACH_OCCURRENCE_BELOW_MINIMUM");
        rows.deficiency(sparksDeficient, 1, "ADDITIONAL_INSURED_MISSING");
        formulaExpired = rows.coi(alphaTower, formula, "EXPIRED", now.minus(Duration.ofDays(5)));
        roofActive = rows.coi(alphaTower, roof, "ACTIVE", now.minus(Duration.ofDays(30)));
        UUID bea = rows.broker(org, "Bea Broker", "bea@example.com", home.userId("BROKER"));
        rows.coiBroker(roofActive, "GLOBAL", bea);
        rows.policy(roofActive, "GL", "Acme Insurance", "GL-ROOF", today.plusDays(5));
        rows.policy(roofActive, "AUTO", "Acme Insurance", "AU-ROOF", today.plusDays(20));
        rows.policy(roofActive, "WC", "=cmd|' /C calc'!A0", "WC-ROOF", today.plusDays(45));
        pendingInReview = rows.coi(alphaTower, pending, "AWAITING_ADMIN_REVIEW", now.minus(Duration.ofDays(3)));

        sparksOnBeta = rows.coi(betaBridge, sparks, "ACTIVE", now.minus(Duration.ofDays(20)));
        UUID gil = rows.broker(org, "Gil Lines", "gil@example.com", null);
        rows.coiBroker(sparksOnBeta, "GL", gil);
        rows.policy(sparksOnBeta, "GL", "Beta Mutual", "GL-BETA", today.plusDays(10));
        rows.coi(betaBridge, inactive, "AWAITING_BROKER_INFO");

        // Next door: more of everything, none of which may be counted or listed for the home organization.
        UUID elsewhereGc = rows.generalContractor(other.organizationId(), "Elsewhere Builders");
        UUID elsewhereSub = rows.subcontractor(other.organizationId(), "Elsewhere Sub");
        rows.worksFor(elsewhereSub, elsewhereGc);
        rows.standing(elsewhereSub, "NON_COMPLIANT");
        UUID elsewhereProject = rows.project(other.organizationId(), elsewhereGc, "Elsewhere Project", "ACTIVE");
        rows.assign(elsewhereProject, elsewhereSub);
        UUID elsewhereCoi = rows.coi(elsewhereProject, elsewhereSub, "ACTIVE", now.minus(Duration.ofDays(2)));
        rows.policy(elsewhereCoi, "GL", "Elsewhere Insurance", "GL-ELSEWHERE", today.plusDays(3));
        rows.coi(elsewhereProject, elsewhereSub, "AWAITING_ADMIN_REVIEW", now.minus(Duration.ofDays(9)));
    }
}
