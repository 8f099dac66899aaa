package app.covenant.security;

import app.covenant.support.TestTenants.Tenant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to fill each path variable, per controller: with a real record of a given tenant. For an id
 * of a tenant's record, the matrix also checks that a user of another organization gets {@code 404}
 * for it. An endpoint with an id variable missing here fails the matrix: add its line.
 */
final class TenantRecords {

    /** A value for the variable, taken from {@code tenant} (for the caller with {@code role}). */
    interface Source {
        Object value(MatrixFixtures fixtures, Tenant tenant, String role);
    }

    /**
     * @param own       the value for a caller of the tenant itself
     * @param another   the tenant's record to show a caller of another organization (who must get 404), or
     *                  {@code null} when the value names no record of a tenant
     * @param seeAcross roles that see such records in every organization by design (so get no 404)
     */
    record Entry(Source own, Source another, Set<String> seeAcross) {

        boolean tenantOwned() {
            return another != null;
        }

        String own(MatrixFixtures fixtures, Tenant tenant, String role) {
            return String.valueOf(own.value(fixtures, tenant, role));
        }

        String another(MatrixFixtures fixtures, Tenant tenant, String role) {
            return String.valueOf(another.value(fixtures, tenant, role));
        }
    }

    private static final Source USER = (fixtures, tenant, role) -> fixtures.victim(tenant);
    private static final Source CUSTOM_ROLE = (fixtures, tenant, role) -> fixtures.customRole(tenant);
    private static final Source ORGANIZATION = (fixtures, tenant, role) -> tenant.organizationId();
    private static final Source ENTITY = (fixtures, tenant, role) -> fixtures.entity(tenant);
    // Declared by the test fixture module (app.covenant.fixture), present in every integration test context.
    private static final Source FEATURE = (fixtures, tenant, role) -> "FIXTURE_PREVIEW";
    private static final Source OWN_SESSION = (fixtures, tenant, role) -> fixtures.session(tenant, role);
    private static final Source JOB = (fixtures, tenant, role) -> "identity-token-purge";
    private static final Source OUTBOX_MESSAGE = (fixtures, tenant, role) -> fixtures.outboxMessage(tenant);
    private static final Source NOTIFICATION = (fixtures, tenant, role) -> fixtures.notification(tenant, role);
    private static final Source CONTRACTOR = (fixtures, tenant, role) -> fixtures.insuranceContractor(tenant, role);
    private static final Source PROJECT = (fixtures, tenant, role) -> fixtures.insuranceProject(tenant, role);
    private static final Source PROGRAM = (fixtures, tenant, role) -> fixtures.insuranceProgram(tenant);
    // A member of the tenant who is not linked to the contractor: unlinking answers 404, past authorization.
    private static final Source PERSON = (fixtures, tenant, role) -> tenant.userId("USER");
    private static final Source COI = (fixtures, tenant, role) -> fixtures.coi(tenant);
    // A document id the certificate does not list (404 once past authorization); the other organization's 404 is the certificate's.
    private static final Source REMINDER = (fixtures, tenant, role) -> fixtures.reminder(tenant);
    private static final Source UNLISTED_DOCUMENT = (fixtures, tenant, role) -> java.util.UUID.randomUUID();
    private static final Source FIRST_PAGE = (fixtures, tenant, role) -> 1;
    // A signing link's token names no tenant's record by itself: an unknown one answers 404 past authorization.
    private static final Source SIGNING_TOKEN = (fixtures, tenant, role) -> "matrix-token-" + java.util.UUID.randomUUID();
    private static final Source HOLD_HARMLESS = (fixtures, tenant, role) -> fixtures.holdHarmless(tenant);
    private static final Source ENVELOPE = (fixtures, tenant, role) -> fixtures.envelope(tenant);
    private static final Source CONTRACT_TEMPLATE = (fixtures, tenant, role) -> fixtures.contractTemplate(tenant);
    private static final Source CONTRACT = (fixtures, tenant, role) -> fixtures.contract(tenant, role);
    private static final Source CONTRACT_APPROVAL = (fixtures, tenant, role) -> fixtures.contractApproval(tenant, role);
    private static final Source CONTRACT_MEMBER = (fixtures, tenant, role) -> tenant.userId("USER");
    private static final Source FIRST_VERSION = (fixtures, tenant, role) -> 1;
    private static final Source LIBRARY_DOCUMENT = (fixtures, tenant, role) -> fixtures.libraryDocument(tenant, role);

    /** Key: handler class simple name + "#" + variable name. */
    private static final Map<String, Entry> ENTRIES = Map.ofEntries(
            Map.entry("UserController#id", owned(USER)),
            Map.entry("UserAdminPages#id", owned(USER)),
            Map.entry("RoleController#id", owned(CUSTOM_ROLE)),
            Map.entry("RoleAdminPages#id", owned(CUSTOM_ROLE)),
            // The tenant's own callers may deactivate what they get, so they get an entity of the tenant;
            // another organization's user is shown the tenant's organization itself. The platform operator
            // sees every organization by design (Caller#canSee, SystemRole: "Everything, across organizations").
            Map.entry("OrganizationController#id", new Entry(ENTITY, ORGANIZATION, Set.of("SUPER_ADMIN"))),
            Map.entry("OrganizationAdminPages#id", new Entry(ENTITY, ORGANIZATION, Set.of("SUPER_ADMIN"))),
            Map.entry("OrganizationController#key", new Entry(FEATURE, null, Set.of())),
            Map.entry("FeatureAdminPages#key", new Entry(FEATURE, null, Set.of())),
            Map.entry("AuthController#id", owned(OWN_SESSION)),
            Map.entry("AccountPages#id", owned(OWN_SESSION)),
            // The platform operator reads every organization's outbox by design.
            // Jobs are the platform's, not a tenant's record.
            Map.entry("JobController#name", new Entry(JOB, null, Set.of())),
            Map.entry("JobPages#name", new Entry(JOB, null, Set.of())),
            Map.entry("OutboxAdminController#id", new Entry(OUTBOX_MESSAGE, OUTBOX_MESSAGE, Set.of("SUPER_ADMIN"))),
            Map.entry("OutboxPages#id", new Entry(OUTBOX_MESSAGE, OUTBOX_MESSAGE, Set.of("SUPER_ADMIN"))),
            // A notification is its user's own; another organization's user (even a super admin) gets 404.
            Map.entry("NotificationController#id", owned(NOTIFICATION)),
            Map.entry("NotificationPages#id", owned(NOTIFICATION)),
            // A document of the organization's library uploaded by the caller, new for every call (an allowed DELETE removes it).
            Map.entry("DocumentApiController#id", owned(LIBRARY_DOCUMENT)),
            Map.entry("DocumentPages#id", owned(LIBRARY_DOCUMENT)),
            // Insurance records are seen across organizations by the platform operator by design (InsuranceViewer).
            Map.entry("ContractorApiController#id", insurance(CONTRACTOR)),
            Map.entry("ContractorApiController#userId", insurance(PERSON)),
            Map.entry("ProjectApiController#id", insurance(PROJECT)),
            Map.entry("ProgramApiController#id", insurance(PROGRAM)),
            Map.entry("ContractorPages#id", insurance(CONTRACTOR)),
            Map.entry("ContractorPages#userId", insurance(PERSON)),
            Map.entry("ProjectPages#id", insurance(PROJECT)),
            Map.entry("ProgramPages#id", insurance(PROGRAM)),
            Map.entry("CoiApiController#id", insurance(COI)),
            Map.entry("CoiPages#id", insurance(COI)),
            Map.entry("CoiReviewPages#id", insurance(COI)),
            Map.entry("CoiPageImages#id", insurance(COI)),
            Map.entry("CoiPageImages#documentId", new Entry(UNLISTED_DOCUMENT, null, Set.of())),
            Map.entry("CoiPageImages#page", new Entry(FIRST_PAGE, null, Set.of())),
            // A certificate's reminders are seen by whoever sees the certificate (InsuranceViewer); reminders
            // themselves are scoped to the caller's current organization, a super admin's too.
            Map.entry("ReminderApiController#coiId", insurance(COI)),
            Map.entry("ReminderApiController#id", owned(REMINDER)),
            Map.entry("ReminderPages#id", owned(REMINDER)),
            // Agreements follow insurance's visibility: the platform operator sees them across organizations.
            Map.entry("HoldHarmlessApiController#id", insurance(HOLD_HARMLESS)),
            Map.entry("HoldHarmlessApiController#coiId", insurance(COI)),
            // The agreement's pages: the same visibility as the API (HoldHarmlessAgreements#find).
            Map.entry("HoldHarmlessPages#id", insurance(HOLD_HARMLESS)),
            Map.entry("SigningApiController#token", new Entry(SIGNING_TOKEN, null, Set.of())),
            Map.entry("SigningPages#token", new Entry(SIGNING_TOKEN, null, Set.of())),
            // Envelopes are read across organizations by the platform operator (Caller#canSee with signatures:read).
            Map.entry("EnvelopeApiController#id", new Entry(ENVELOPE, ENVELOPE, Set.of("SUPER_ADMIN"))),
            // The envelope page and its downloads: the same visibility as the API (Envelopes#find).
            Map.entry("EnvelopePages#id", new Entry(ENVELOPE, ENVELOPE, Set.of("SUPER_ADMIN"))),
            // A contract template is seen by the organizations it is available to, a super admin's included.
            Map.entry("ContractTemplateApiController#id", owned(CONTRACT_TEMPLATE)),
            Map.entry("ContractTemplateApiController#number", new Entry(FIRST_PAGE, null, Set.of())),
            Map.entry("ContractTemplatePages#id", owned(CONTRACT_TEMPLATE)),
            // Contracts are an organization's own: another organization's caller, a super admin too, gets 404. The
            // caller's own contract (owner rules pass), a member to share with, a version number.
            Map.entry("ContractApiController#id", owned(CONTRACT)),
            Map.entry("ContractApiController#userId", new Entry(CONTRACT_MEMBER, null, Set.of())),
            Map.entry("ContractVersionApiController#id", owned(CONTRACT)),
            Map.entry("ContractVersionApiController#number", new Entry(FIRST_VERSION, null, Set.of())),
            Map.entry("ApprovalApiController#id", owned(CONTRACT_APPROVAL)),
            Map.entry("ApprovalApiController#contractId", owned(CONTRACT)),
            // The edit page: the caller's own draft (editable by its owner), the same visibility as the API.
            Map.entry("ContractEditPage#id", owned(CONTRACT)),
            Map.entry("ContractTemplatePages#number", new Entry(FIRST_PAGE, null, Set.of())),
            Map.entry("ContractTemplateEditorPages#id", owned(CONTRACT_TEMPLATE)));

    private TenantRecords() {
    }

    static Optional<Entry> find(Endpoint endpoint, String variable) {
        return Optional.ofNullable(ENTRIES.get(endpoint.controller() + "#" + variable));
    }

    static String missing(Endpoint endpoint, String variable) {
        return endpoint + " (" + endpoint.handlerName() + ") has the path variable {" + variable
                + "} but TenantRecords has no entry \"" + endpoint.controller() + "#" + variable
                + "\": add one saying how to obtain a real record of a tenant for it";
    }

    private static Entry insurance(Source source) {
        return new Entry(source, source, Set.of("SUPER_ADMIN"));
    }

    private static Entry owned(Source source) {
        return new Entry(source, source, Set.of());
    }
}
