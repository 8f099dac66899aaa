-- Insurance compliance (INSURANCE.md): contractors and the users linked to them, brokers, projects and the
-- subs assigned to them, insurance programs with trade tiers, and certificates of insurance (COI) with their
-- brokers, documents, policy rows, limits, deficiencies and transitions. Every table carries
-- organization_id (or hangs off a row that does) so each query is scoped to one tenant by an index.
-- E-mail addresses are stored lower-case by the application (no functional index on H2).

-- A company: a general contractor or a subcontractor (its insurance status is in insurance_contractor_standing).
create table insurance_contractors (
    id                   uuid primary key,
    organization_id      uuid          not null references organizations (id),
    type                 varchar(32)   not null,
    name                 varchar(200)  not null,
    contact_email        varchar(254),
    phone                varchar(40),
    address              varchar(500),
    status               varchar(16)   not null,
    assigned_admin_email varchar(254),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint        not null default 0,
    constraint ck_insurance_contractors_type check (type in ('GENERAL_CONTRACTOR', 'SUBCONTRACTOR')),
    constraint ck_insurance_contractors_status check (status in ('ACTIVE', 'INACTIVE', 'PENDING', 'SUSPENDED'))
);
create index ix_insurance_contractors_org_type_name on insurance_contractors (organization_id, type, name);

-- A contractor's insurance status, derived from its COIs (InsuranceStatus.of) by the certificates workflow
-- whenever one of them changes state, and stored so that lists filter and count by it. No row: PENDING.
create table insurance_contractor_standing (
    contractor_id    uuid        primary key references insurance_contractors (id) on delete cascade,
    organization_id  uuid        not null references organizations (id),
    insurance_status varchar(16) not null,
    computed_at      timestamp with time zone not null,
    constraint ck_insurance_contractor_standing check (insurance_status in ('COMPLIANT', 'NON_COMPLIANT', 'PENDING', 'EXPIRED'))
);
create index ix_insurance_contractor_standing_org on insurance_contractor_standing (organization_id, insurance_status);

-- A contractor's trades (electrical, roofing…); trade_key is the lower-cased, trimmed trade for filters.
create table insurance_contractor_trades (
    contractor_id uuid         not null references insurance_contractors (id) on delete cascade,
    trade         varchar(100) not null,
    trade_key     varchar(100) not null,
    primary key (contractor_id, trade_key)
);
create index ix_insurance_contractor_trades_key on insurance_contractor_trades (trade_key, contractor_id);

-- A sub works for a GC: the same company record may be linked to several GCs of the organization.
create table insurance_gc_subcontractors (
    gc_id      uuid not null references insurance_contractors (id) on delete cascade,
    sub_id     uuid not null references insurance_contractors (id) on delete cascade,
    created_at timestamp with time zone not null,
    primary key (gc_id, sub_id)
);
create index ix_insurance_gc_subcontractors_sub on insurance_gc_subcontractors (sub_id, gc_id);

-- Users of role CONTRACTOR / SUBCONTRACTOR linked to their company (what they may see follows from it).
create table insurance_contractor_users (
    contractor_id uuid not null references insurance_contractors (id) on delete cascade,
    user_id       uuid not null references users (id),
    primary key (contractor_id, user_id)
);
create index ix_insurance_contractor_users_user on insurance_contractor_users (user_id, contractor_id);

-- Broker contacts known to an organization; user_id once the broker was invited as a BROKER user.
create table insurance_brokers (
    id              uuid primary key,
    organization_id uuid         not null references organizations (id),
    name            varchar(200) not null,
    company         varchar(200),
    email           varchar(254) not null,
    phone           varchar(40),
    user_id         uuid references users (id),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint uq_insurance_brokers_org_email unique (organization_id, email)
);
create index ix_insurance_brokers_user on insurance_brokers (user_id);
create index ix_insurance_brokers_org_name on insurance_brokers (organization_id, name);

-- The brokers a sub named, kept on the sub so the next COI reuses them. line: GLOBAL (one broker for all
-- policies: the sub's broker type is GLOBAL) or GL, AUTO, UMBRELLA, WC (PER_POLICY); never both kinds at once.
create table insurance_contractor_brokers (
    contractor_id uuid        not null references insurance_contractors (id) on delete cascade,
    line          varchar(16) not null,
    broker_id     uuid        not null references insurance_brokers (id),
    primary key (contractor_id, line),
    constraint ck_insurance_contractor_brokers_line check (line in ('GLOBAL', 'GL', 'AUTO', 'UMBRELLA', 'WC'))
);
create index ix_insurance_contractor_brokers_broker on insurance_contractor_brokers (broker_id);

-- A reusable set of requirements. Minimums are whole dollars (null: not required); one default per organization.
create table insurance_programs (
    id                              uuid primary key,
    organization_id                 uuid          not null references organizations (id),
    name                            varchar(200)  not null,
    description                     varchar(2000),
    is_default                      boolean       not null default false,
    gl_each_occurrence              bigint,
    gl_general_aggregate            bigint,
    gl_products_completed_aggregate bigint,
    auto_combined_single_limit      bigint,
    umbrella_each_occurrence        bigint,
    umbrella_aggregate              bigint,
    wc_el_each_accident             bigint,
    wc_el_disease_each_employee     bigint,
    wc_el_disease_policy_limit      bigint,
    professional_liability          bigint,
    wc_statutory_required           boolean       not null,
    ai_required                     boolean       not null,
    ai_name_gc                      boolean       not null default true,
    ai_name_owner                   boolean       not null default true,
    ai_name_project_insureds        boolean       not null default true,
    wos_required                    boolean       not null,
    pnc_required                    boolean       not null,
    hold_harmless_required          boolean       not null,
    hold_harmless_template          varchar(20000),
    minimum_carrier_rating          varchar(8),
    required_endorsements           varchar(500), -- comma-separated form numbers, e.g. "CG 20 10,CG 20 37"
    created_at                      timestamp with time zone not null,
    updated_at                      timestamp with time zone not null,
    version                         bigint        not null default 0,
    constraint uq_insurance_programs_org_name unique (organization_id, name)
);

-- Ordered tiers by trade, each with its own GL and umbrella minimums; one may be "all other trades".
create table insurance_program_tiers (
    id                              uuid primary key,
    program_id                      uuid         not null references insurance_programs (id) on delete cascade,
    sort_order                        integer      not null,
    name                            varchar(100) not null,
    all_other_trades                boolean      not null,
    gl_each_occurrence              bigint,
    gl_general_aggregate            bigint,
    gl_products_completed_aggregate bigint,
    umbrella_each_occurrence        bigint,
    umbrella_aggregate              bigint,
    constraint uq_insurance_program_tiers_position unique (program_id, sort_order)
);

-- A trade belongs to at most one tier of a program: the unique key says so for every writer.
create table insurance_program_tier_trades (
    program_id uuid         not null references insurance_programs (id) on delete cascade,
    tier_id    uuid         not null references insurance_program_tiers (id) on delete cascade,
    trade      varchar(100) not null,
    trade_key  varchar(100) not null,
    primary key (program_id, trade_key)
);
create index ix_insurance_program_tier_trades_tier on insurance_program_tier_trades (tier_id);

-- A project of a GC. Additional insureds are a list, one name per row.
create table insurance_projects (
    id                   uuid primary key,
    organization_id      uuid          not null references organizations (id),
    gc_id                uuid          not null references insurance_contractors (id),
    name                 varchar(200)  not null,
    description          varchar(4000),
    address              varchar(500),
    start_date           date,
    end_date             date,
    status               varchar(16)   not null,
    gc_name              varchar(200),
    owner_entity         varchar(200),
    borough              varchar(40),
    block                varchar(20),
    lot                  varchar(20),
    building_height      varchar(40),
    structure_type       varchar(100),
    contact_name         varchar(200),
    contact_email        varchar(254),
    contact_phone        varchar(40),
    assigned_admin_email varchar(254),
    program_id           uuid references insurance_programs (id),
    -- JSON of compliance.ProjectOverrides: {"minimums":{"GL_EACH_OCCURRENCE":2000000},"wcStatutoryRequired":null,
    -- "additionalInsuredRequired":null,"waiverOfSubrogationRequired":null,"primaryNonContributoryRequired":null}
    program_overrides    varchar(4000),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint        not null default 0,
    constraint ck_insurance_projects_status check (status in ('PLANNING', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED')),
    constraint ck_insurance_projects_dates check (end_date is null or start_date is null or end_date >= start_date)
);
create index ix_insurance_projects_org_status_name on insurance_projects (organization_id, status, name);
create index ix_insurance_projects_gc on insurance_projects (gc_id);
create index ix_insurance_projects_program on insurance_projects (program_id);

create table insurance_project_additional_insureds (
    project_id uuid         not null references insurance_projects (id) on delete cascade,
    sort_order   integer      not null,
    name       varchar(300) not null,
    primary key (project_id, sort_order)
);

-- A sub on a project with its trades (in insurance_assignment_trades).
create table insurance_project_assignments (
    id         uuid primary key,
    project_id uuid not null references insurance_projects (id) on delete cascade,
    sub_id     uuid not null references insurance_contractors (id),
    created_at timestamp with time zone not null,
    constraint uq_insurance_project_assignments unique (project_id, sub_id)
);
create index ix_insurance_project_assignments_sub on insurance_project_assignments (sub_id, project_id);

create table insurance_assignment_trades (
    assignment_id uuid         not null references insurance_project_assignments (id) on delete cascade,
    trade         varchar(100) not null,
    trade_key     varchar(100) not null,
    primary key (assignment_id, trade_key)
);

-- A certificate of insurance: one sub on one project, moving through the states of CoiStatus.
create table insurance_cois (
    id                      uuid primary key,
    organization_id         uuid          not null references organizations (id),
    project_id              uuid          not null references insurance_projects (id),
    sub_id                  uuid          not null references insurance_contractors (id),
    gc_id                   uuid          not null references insurance_contractors (id),
    status                  varchar(32)   not null,
    broker_type             varchar(16),
    assigned_admin_email    varchar(254),
    hold_harmless_status    varchar(32),
    certificate_holder      varchar(500),
    renewal_of_id           uuid references insurance_cois (id),
    copied_from_id          uuid references insurance_cois (id),
    upload_submitted_at     timestamp with time zone,
    upload_submitted_by     uuid references users (id),
    attested_at             timestamp with time zone,
    attested_by             uuid references users (id),
    attestation_signer_name varchar(200),
    review_requested_at     timestamp with time zone,
    reviewer_id             uuid references users (id),
    reviewed_at             timestamp with time zone,
    review_decision         varchar(16),
    review_notes            varchar(4000),
    policies_confirmed_at   timestamp with time zone,
    policies_confirmed_by   uuid references users (id),
    earliest_expiration     date,
    created_by              uuid references users (id),
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    version                 bigint        not null default 0,
    constraint ck_insurance_cois_status check (status in ('AWAITING_BROKER_INFO', 'AWAITING_BROKER_UPLOAD',
        'AWAITING_BROKER_SIGNATURE', 'AWAITING_ADMIN_REVIEW', 'DEFICIENCY_PENDING', 'ACTIVE', 'EXPIRED')),
    constraint ck_insurance_cois_broker_type check (broker_type is null or broker_type in ('GLOBAL', 'PER_POLICY'))
);
-- Lists by status (the reviewer queue: oldest review request first), per project, per sub, per GC.
create index ix_insurance_cois_org_status_requested on insurance_cois (organization_id, status, review_requested_at, id);
create index ix_insurance_cois_org_status_created on insurance_cois (organization_id, status, created_at, id);
create index ix_insurance_cois_project on insurance_cois (project_id, status);
create index ix_insurance_cois_sub on insurance_cois (sub_id, status);
create index ix_insurance_cois_gc on insurance_cois (gc_id, status);
create index ix_insurance_cois_status_expiration on insurance_cois (status, earliest_expiration);
create index ix_insurance_cois_renewal_of on insurance_cois (renewal_of_id);

-- The brokers named on a COI, copied from the sub (line GLOBAL or one of GL, AUTO, UMBRELLA, WC).
create table insurance_coi_brokers (
    coi_id    uuid         not null references insurance_cois (id) on delete cascade,
    line      varchar(16)  not null,
    broker_id uuid         not null references insurance_brokers (id),
    name      varchar(200) not null,
    company   varchar(200),
    email     varchar(254) not null,
    phone     varchar(40),
    primary key (coi_id, line),
    constraint ck_insurance_coi_brokers_line check (line in ('GLOBAL', 'GL', 'AUTO', 'UMBRELLA', 'WC'))
);
create index ix_insurance_coi_brokers_broker on insurance_coi_brokers (broker_id, coi_id);

-- The documents (stored by the documents module, owner module "insurance", record = the COI that received the
-- upload) and what they are. A COI started from the sub's master certificate lists that COI's documents too.
create table insurance_coi_documents (
    coi_id      uuid         not null references insurance_cois (id) on delete cascade,
    document_id uuid         not null,
    kind        varchar(16)  not null,
    policy_line varchar(16),
    uploaded_by uuid references users (id),
    uploaded_at timestamp with time zone not null,
    primary key (coi_id, document_id),
    constraint ck_insurance_coi_documents_kind check (kind in ('ACORD25', 'POLICY', 'ENDORSEMENT', 'OTHER'))
);
create index ix_insurance_coi_documents_document on insurance_coi_documents (document_id);
create index ix_insurance_coi_documents_coi on insurance_coi_documents (coi_id, uploaded_at);

-- One policy row per line of coverage; limits by canonical key in insurance_coi_policy_limits.
create table insurance_coi_policies (
    id                       uuid primary key,
    coi_id                   uuid          not null references insurance_cois (id) on delete cascade,
    line                     varchar(16)   not null,
    insurer_name             varchar(200),
    naic                     varchar(10),
    policy_number            varchar(100),
    effective_date           date          not null,
    expiration_date          date          not null,
    additional_insured       boolean       not null,
    waiver_of_subrogation    boolean       not null,
    primary_non_contributory boolean       not null default false,
    statutory                boolean       not null default false,
    broker_id                uuid references insurance_brokers (id),
    attested_at              timestamp with time zone,
    constraint ck_insurance_coi_policies_line check (line in ('GL', 'AUTO', 'UMBRELLA', 'WC', 'OTHER')),
    constraint ck_insurance_coi_policies_dates check (expiration_date >= effective_date)
);
create index ix_insurance_coi_policies_coi on insurance_coi_policies (coi_id, line);
create index ix_insurance_coi_policies_expiration on insurance_coi_policies (expiration_date, coi_id);

create table insurance_coi_policy_limits (
    policy_id uuid        not null references insurance_coi_policies (id) on delete cascade,
    limit_key varchar(40) not null,
    amount    bigint      not null,
    primary key (policy_id, limit_key),
    constraint ck_insurance_coi_policy_limits_amount check (amount >= 0)
);

-- The deficiencies of the latest rejection (replaced on each review), in the order the reviewer listed them.
create table insurance_coi_deficiencies (
    coi_id   uuid          not null references insurance_cois (id) on delete cascade,
    sort_order integer       not null,
    code     varchar(64)   not null,
    line     varchar(16),
    message  varchar(1000) not null,
    primary key (coi_id, sort_order)
);

-- A reviewer's override of one compliance finding, with the reason (also audited).
create table insurance_coi_finding_overrides (
    coi_id        uuid          not null references insurance_cois (id) on delete cascade,
    code          varchar(64)   not null,
    line          varchar(16)   not null, -- ANY for a finding of no particular line
    reason        varchar(1000) not null,
    overridden_by uuid references users (id),
    overridden_at timestamp with time zone not null,
    primary key (coi_id, code, line)
);

-- Every transition of a COI: who moved it from which state to which, and when (the COI's timeline).
create table insurance_coi_transitions (
    id          uuid primary key,
    coi_id      uuid         not null references insurance_cois (id) on delete cascade,
    from_status varchar(32),
    to_status   varchar(32)  not null,
    actor_id    uuid references users (id),
    actor_name  varchar(200),
    note        varchar(1000),
    occurred_at timestamp with time zone not null
);
create index ix_insurance_coi_transitions_coi on insurance_coi_transitions (coi_id, occurred_at);
