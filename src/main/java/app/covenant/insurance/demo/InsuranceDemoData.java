package app.covenant.insurance.demo;

import app.covenant.identity.events.DemoDataSeeded;
import app.covenant.insurance.brokers.BrokerContact;
import app.covenant.insurance.brokers.BrokerInfo;
import app.covenant.insurance.certificates.CoiDocuments;
import app.covenant.insurance.certificates.CoiViews;
import app.covenant.insurance.certificates.CoiWorkflow;
import app.covenant.insurance.certificates.ComplianceReport;
import app.covenant.insurance.contractors.ContractorDetails;
import app.covenant.insurance.contractors.ContractorDirectory;
import app.covenant.insurance.programs.DefaultPrograms;
import app.covenant.insurance.programs.ProgramCatalog;
import app.covenant.insurance.programs.ProgramRequest;
import app.covenant.insurance.programs.ProgramView;
import app.covenant.insurance.projects.ProjectDetails;
import app.covenant.insurance.projects.ProjectRegistry;
import app.covenant.insurance.projects.ProjectStatus;
import app.covenant.shared.security.Caller;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The insurance part of the embedded default's demo data, created when identity has just created the demo
 * people ({@link DemoDataSeeded}: first start on H2 only, so never on PostgreSQL) and only in organization
 * DEMO. Everything goes through the module's services, acting as the demo people — manager@ (insurance staff),
 * gc@ (Demo Builders LLC), sub@ (Demo Electric Inc) and broker@ — so the records carry real transitions, audit
 * entries and outbox e-mails. Dates are relative to the clock: a general contractor with three NYC projects
 * and four subs, whose certificates stand in every state a newcomer should see:
 * <ul>
 *   <li>Demo Electric on project A: ACTIVE, its general liability policy expiring in 7 days; the program requires a
 *       hold-harmless agreement, which the approval generates (module holdharmless), awaiting the sub's signature;</li>
 *   <li>Skyline Roofing on project A: AWAITING_ADMIN_REVIEW, its umbrella below the roofing tier's minimum;</li>
 *   <li>Bedrock Excavation on project B: DEFICIENCY_PENDING, rejected by the reviewer;</li>
 *   <li>Metro Plumbing on project B: AWAITING_BROKER_INFO;</li>
 *   <li>Demo Electric on project B: AWAITING_BROKER_UPLOAD, its broker copied from project A.</li>
 * </ul>
 * Each service call is a transaction of its own (an upload is staged outside any), so a failure half-way leaves
 * part of it: the start then fails, saying so.
 */
@Component
class InsuranceDemoData {

    static final String ORGANIZATION = "DEMO";
    static final String MANAGER = "manager@covenant.test";
    static final String GC = "gc@covenant.test";
    static final String SUB = "sub@covenant.test";
    static final String BROKER = DemoCertificates.BROKER_EMAIL;

    private static final Logger log = LoggerFactory.getLogger(InsuranceDemoData.class);

    /** A company of the demo: the ACORD 25 prints its address on two lines. */
    record Company(String name, String contactEmail, String phone, List<String> address, List<String> trades) {

        SampleCertificate.Party party() {
            return new SampleCertificate.Party(name, address);
        }
    }

    /** A project of the demo; its dates are days from today. */
    record Site(String name, String description, String address, String borough, String block, String lot,
                String ownerEntity, List<String> additionalInsureds, String buildingHeight, String structureType,
                ProjectStatus status, int startsInDays, int endsInDays) {
    }

    static final Company DEMO_BUILDERS = new Company("Demo Builders LLC", "projects@demobuilders.test",
            "(212) 555-0140", List.of("118 West 27th Street, 9th Floor", "New York, NY 10001"),
            List.of("General contracting"));
    static final Company DEMO_ELECTRIC = new Company("Demo Electric Inc", "office@demoelectric.test", "(718) 555-0123",
            List.of("47-20 Austel Place", "Long Island City, NY 11101"), List.of("Electrical"));
    static final Company SKYLINE_ROOFING = new Company("Skyline Roofing Co", "estimating@skylineroofing.test",
            "(718) 555-0188", List.of("1260 Zerega Avenue", "Bronx, NY 10462"), List.of("Roofing"));
    static final Company BEDROCK_EXCAVATION = new Company("Bedrock Excavation Corp", "dispatch@bedrockexcavation.test",
            "(718) 555-0172", List.of("2875 Arthur Kill Road", "Staten Island, NY 10309"), List.of("Excavation"));
    static final Company METRO_PLUMBING = new Company("Metro Plumbing & Heating", "service@metroplumbing.test",
            "(347) 555-0109", List.of("1450 Atlantic Avenue", "Brooklyn, NY 11216"), List.of("Plumbing", "HVAC"));

    static final Site GOWANUS = new Site("Gowanus Canal Residences", "Twelve-storey residential building with "
            + "ground-floor retail on the Gowanus Canal: 146 apartments, cellar parking and a green roof.",
            "475 Bond Street, Brooklyn, NY 11231", "Brooklyn", "452", "12", "Bond Street Gowanus Owner LLC",
            List.of("Bond Street Gowanus Owner LLC", "Gowanus Development Partners LP", "Carroll Street Lending Corp."),
            "12 stories (138 ft)", "Cast-in-place concrete, residential over retail", ProjectStatus.ACTIVE, -210, 150);
    static final Site QUEENS_PLAZA = new Site("Queens Plaza Medical Offices", "Fit-out of four floors of an existing "
            + "office building as outpatient medical offices: imaging suite, exam rooms and new mechanical risers.",
            "27-15 Jackson Avenue, Long Island City, NY 11101", "Queens", "424", "18",
            "Jackson Avenue Medical Realty LLC", List.of("Jackson Avenue Medical Realty LLC", "LIC Health Partners PC"),
            "6 stories (84 ft)", "Steel frame; interior fit-out of floors 2 to 5", ProjectStatus.ACTIVE, -20, 300);
    static final Site WEST_38TH = new Site("West 38th Street Hotel Renovation", "Renovation of a 1920s hotel while "
            + "partly occupied: 212 guest rooms, lobby, new roof and facade restoration under FISP.",
            "227 West 38th Street, New York, NY 10018", "Manhattan", "788", "45", "Garment District Hospitality LLC",
            List.of("Garment District Hospitality LLC", "Midtown Hotel Operator LLC"), "22 stories (240 ft)",
            "Steel frame with masonry facade", ProjectStatus.PLANNING, 45, 520);

    private final ContractorDirectory contractors;
    private final DefaultPrograms defaultPrograms;
    private final ProgramCatalog programs;
    private final ProjectRegistry projects;
    private final CoiWorkflow workflow;
    private final CoiDocuments documents;
    private final CoiViews views;
    private final Acord25Sample acord25;
    private final EndorsementSample endorsements;
    private final Clock clock;

    InsuranceDemoData(ContractorDirectory contractors, DefaultPrograms defaultPrograms, ProgramCatalog programs,
                      ProjectRegistry projects, CoiWorkflow workflow, CoiDocuments documents, CoiViews views,
                      Acord25Sample acord25, EndorsementSample endorsements, Clock clock) {
        this.contractors = contractors;
        this.defaultPrograms = defaultPrograms;
        this.programs = programs;
        this.projects = projects;
        this.workflow = workflow;
        this.documents = documents;
        this.views = views;
        this.acord25 = acord25;
        this.endorsements = endorsements;
        this.clock = clock;
    }

    @EventListener
    void on(DemoDataSeeded seeded) {
        if (!seeded.organizations().containsKey(ORGANIZATION)) {
            return;
        }
        try {
            seed(seeded.organization(ORGANIZATION), seeded.caller(MANAGER), seeded.caller(GC), seeded.caller(SUB),
                    seeded.caller(BROKER));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The insurance demo data could not be created; delete the data directory "
                    + "(DATA_DIR) to start again from nothing", e);
        }
    }

    private void seed(UUID organization, Caller manager, Caller gc, Caller sub, Caller broker) {
        for (Caller person : List.of(manager, gc, sub, broker)) {
            if (!person.organizationId().equals(organization)) {
                throw new IllegalStateException(person.email() + " does not act in the demo organization");
            }
        }
        LocalDate today = LocalDate.now(clock);
        // The default program is otherwise seeded once the application is ready: the projects need it now.
        defaultPrograms.seed(organization);
        ProgramView standard = programs.list(manager, PageRequest.of(0, 100)).stream().filter(ProgramView::isDefault)
                .findFirst().orElseThrow();
        UUID program = standard.id();
        // The demo's program asks for a hold-harmless agreement (with the organization's default template): Demo
        // Electric's approval below generates it, waiting for the sub's signature (holdharmless, after the commit).
        programs.update(manager, program, requiringHoldHarmless(standard));

        UUID builders = company(manager, "GENERAL_CONTRACTOR", DEMO_BUILDERS, List.of());
        contractors.invite(manager, builders, GC, gc.name());
        UUID electric = company(manager, "SUBCONTRACTOR", DEMO_ELECTRIC, List.of(builders));
        contractors.invite(manager, electric, SUB, sub.name());
        UUID roofing = company(manager, "SUBCONTRACTOR", SKYLINE_ROOFING, List.of(builders));
        UUID excavation = company(manager, "SUBCONTRACTOR", BEDROCK_EXCAVATION, List.of(builders));
        UUID plumbing = company(manager, "SUBCONTRACTOR", METRO_PLUMBING, List.of(builders));

        UUID gowanus = project(manager, GOWANUS, builders, program, gc, today);
        UUID queensPlaza = project(manager, QUEENS_PLAZA, builders, program, gc, today);
        project(manager, WEST_38TH, builders, program, gc, today);

        // The GC's people assign their subs; each assignment creates the certificate request.
        UUID electricGowanus = assign(gc, gowanus, electric, "Electrical");
        UUID roofingGowanus = assign(gc, gowanus, roofing, "Roofing");
        UUID excavationQueens = assign(gc, queensPlaza, excavation, "Excavation");
        assign(gc, queensPlaza, plumbing, "Plumbing");

        // Demo Electric names its broker, who uploads, enters the policies and attests; the reviewer accepts the
        // general liability renewal due in 7 days (its expiry is before the project's end) and approves.
        workflow.brokerInfo(sub, electricGowanus, globalBroker());
        List<SamplePolicy> electrical = DemoCertificates.electrical(today);
        deliver(broker, electricGowanus, DEMO_ELECTRIC, GOWANUS, "electrical work", electrical,
                List.of(EndorsementSample.ONGOING_OPERATIONS, EndorsementSample.COMPLETED_OPERATIONS), today);
        for (ComplianceReport.FindingView finding : views.compliance(manager, electricGowanus).open()) {
            if ("POLICY_EXPIRES_BEFORE_PROJECT_END".equals(finding.code())) {
                workflow.override(manager, electricGowanus, finding.code(), finding.line(), "The general liability "
                        + "renewal is bound with the same carrier from " + Acord25Sample.us(electrical.getFirst()
                        .expirationDate()) + "; the broker sends the renewed certificate before then.");
            }
        }
        workflow.review(manager, electricGowanus, true, List.of(), "Meets the electrical tier. General liability renews "
                + "in 7 days: watch for the renewed certificate.");

        // Assigned now, Demo Electric's second certificate starts with its broker copied on: waiting for the upload.
        assign(gc, queensPlaza, electric, "Electrical");

        // The staff take the other subs' broker details from their e-mails.
        workflow.brokerInfo(manager, roofingGowanus, globalBroker());
        deliver(broker, roofingGowanus, SKYLINE_ROOFING, GOWANUS, "roofing and waterproofing",
                DemoCertificates.roofing(today),
                List.of(EndorsementSample.ONGOING_OPERATIONS, EndorsementSample.COMPLETED_OPERATIONS), today);

        workflow.brokerInfo(manager, excavationQueens, globalBroker());
        deliver(broker, excavationQueens, BEDROCK_EXCAVATION, QUEENS_PLAZA, "excavation and foundation support",
                DemoCertificates.excavation(today), List.of(EndorsementSample.ONGOING_OPERATIONS), today);
        // Rejected with the open findings as its deficiencies.
        workflow.review(manager, excavationQueens, false, List.of(), "Excavation is a high-risk trade on this program: "
                + "general liability must be $2,000,000 per occurrence and $4,000,000 aggregate. Please also send the "
                + "CG 20 37 endorsement and a workers compensation waiver of subrogation.");

        log.info("Insurance demo data created in DEMO: 5 contractors, 3 projects, 5 certificates (ACTIVE, "
                + "AWAITING_ADMIN_REVIEW, DEFICIENCY_PENDING, AWAITING_BROKER_INFO, AWAITING_BROKER_UPLOAD)");
    }

    private static ProgramRequest requiringHoldHarmless(ProgramView view) {
        return new ProgramRequest(view.name(), view.description(), view.isDefault(), view.minimums(),
                view.wcStatutoryRequired(), view.additionalInsuredRequired(), view.aiNameGc(), view.aiNameOwner(),
                view.aiNameProjectInsureds(), view.waiverOfSubrogationRequired(), view.primaryNonContributoryRequired(),
                true, view.holdHarmlessTemplate(), view.minimumCarrierRating(), view.requiredEndorsements(),
                view.tiers().stream().map(tier -> new ProgramRequest.Tier(tier.name(), tier.minimums(), tier.trades(),
                        tier.allOtherTrades())).toList());
    }

    private UUID company(Caller manager, String type, Company company, List<UUID> gcIds) {
        return contractors.create(manager, new ContractorDetails.Request(type, company.name(), company.contactEmail(),
                company.phone(), String.join(", ", company.address()), "ACTIVE", MANAGER, company.trades(), gcIds)).id();
    }

    private UUID project(Caller manager, Site site, UUID gcId, UUID program, Caller contact, LocalDate today) {
        return projects.create(manager, new ProjectDetails.Request(site.name(), site.description(), site.address(),
                today.plusDays(site.startsInDays()), today.plusDays(site.endsInDays()), site.status().name(), gcId, null,
                site.ownerEntity(), site.additionalInsureds(), site.borough(), site.block(), site.lot(),
                site.buildingHeight(), site.structureType(), "Gale Contractor", contact.email(), "(212) 555-0147",
                MANAGER, program)).id();
    }

    /** Assigns the sub with its trade; answers the certificate request the assignment created. */
    private UUID assign(Caller gc, UUID project, UUID sub, String trade) {
        return projects.assign(gc, project, sub, List.of(trade)).latestCoiId();
    }

    private static BrokerInfo globalBroker() {
        return new BrokerInfo("GLOBAL", new BrokerContact(DemoCertificates.BROKER_NAME, DemoCertificates.PRODUCER.name(),
                DemoCertificates.BROKER_EMAIL, DemoCertificates.BROKER_PHONE), Map.of());
    }

    /**
     * The broker's part: uploads the ACORD 25 and the endorsements, enters the policy rows (the values the
     * certificate prints), submits and attests — the certificate then waits for review.
     */
    private void deliver(Caller broker, UUID coi, Company sub, Site site, String work, List<SamplePolicy> policies,
                         List<EndorsementSample.Form> forms, LocalDate today) {
        // Whom the program asks to be additional insured: the GC, the owner and the project's list.
        List<String> insureds = Stream.concat(Stream.of(DEMO_BUILDERS.name(), site.ownerEntity()),
                site.additionalInsureds().stream()).distinct().toList();
        SampleCertificate certificate = new SampleCertificate(today, DemoCertificates.PRODUCER,
                DemoCertificates.BROKER_NAME, DemoCertificates.BROKER_PHONE, DemoCertificates.BROKER_EMAIL,
                sub.party(), policies, DemoCertificates.operations(site.name(), site.address(), site.block(), site.lot(),
                work, insureds, policies, forms.stream().map(EndorsementSample.Form::number).toList()),
                DEMO_BUILDERS.party(), DemoCertificates.BROKER_NAME);
        documents.upload(broker, coi, "ACORD25", null, "ACORD 25 " + sub.name() + " - " + site.name() + ".pdf",
                new ByteArrayInputStream(acord25.render(certificate)));
        SamplePolicy gl = policies.stream().filter(p -> "GL".equals(p.line())).findFirst().orElseThrow();
        for (EndorsementSample.Form form : forms) {
            documents.upload(broker, coi, "ENDORSEMENT", "GL", form.fileName(), new ByteArrayInputStream(
                    endorsements.render(form, certificate, gl, insureds, site.address())));
        }
        workflow.replacePolicies(broker, coi, policies.stream().map(SamplePolicy::row).toList());
        workflow.submitUpload(broker, coi);
        workflow.sign(broker, coi, DemoCertificates.BROKER_NAME, true);
    }
}
