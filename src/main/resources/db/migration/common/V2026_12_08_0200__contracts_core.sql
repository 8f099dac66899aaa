-- Contracts (CLM.md "Contracts", "States", "Versions"; API.md Contract and Approval): the contract aggregate with
-- its snapshot of body and annexures, approval rounds (rows never deleted), versions numbered per contract, shares
-- with colleagues and the contract's own activity feed. Long texts are varchar(1000000): H2's TEXT is a CLOB, which
-- Hibernate's schema validation does not take for a String. Every filter of the list has an index; the free-text
-- filter (q) scans the organization's rows found through ix_contracts_org_created.
create table contracts (
    id                         uuid primary key,
    organization_id            uuid            not null references organizations (id),
    reference                  varchar(32)     not null,
    title                      varchar(300)    not null,
    template_id                uuid,
    template_version           integer,
    counterparty_name          varchar(300)    not null,
    counterparty_business_name varchar(300),
    counterparty_email         varchar(254),
    start_date                 date,
    end_date                   date,
    amount                     numeric(19, 2),
    currency                   varchar(3)      not null,
    description                varchar(5000),
    body_html                  varchar(1000000) not null,
    annexures                  varchar(1000000) not null,
    variable_values            varchar(1000000) not null,
    search_text                varchar(1000000) not null,
    body_sha256                varchar(64)     not null,
    document_id                uuid,
    owner_id                   uuid            not null references users (id),
    status                     varchar(32)     not null,
    current_version            integer         not null,
    approval_round             integer         not null default 0,
    auto_renew                 boolean         not null default false,
    renewal_period_months      integer,
    notice_period_days         integer,
    submitted_at               timestamp with time zone,
    legal_approved_at          timestamp with time zone,
    approved_at                timestamp with time zone,
    revision_requested_at      timestamp with time zone,
    rejected_at                timestamp with time zone,
    escalated_at               timestamp with time zone,
    cancelled_at               timestamp with time zone,
    cancellation_reason        varchar(2000),
    terminated_at              timestamp with time zone,
    termination_date           date,
    termination_reason         varchar(2000),
    created_at                 timestamp with time zone not null,
    updated_at                 timestamp with time zone not null,
    version                    bigint          not null default 0,
    constraint uq_contracts_reference unique (reference),
    constraint ck_contracts_status check (status in ('DRAFT', 'SENT_TO_LEGAL', 'PENDING_LEGAL_HEAD',
        'SENT_TO_FINANCE', 'REVISION_REQUESTED', 'APPROVED', 'REJECTED', 'SENT_TO_COUNTERPARTY', 'ACTIVE', 'EXPIRED',
        'TERMINATED', 'CANCELLED')),
    constraint ck_contracts_amount check (amount is null or amount >= 0),
    constraint ck_contracts_dates check (start_date is null or end_date is null or end_date > start_date)
);
-- The list, newest first, and its filters: status, owner, template, expiring within N days.
create index ix_contracts_org_created on contracts (organization_id, created_at, id);
create index ix_contracts_org_status on contracts (organization_id, status, created_at);
create index ix_contracts_owner on contracts (owner_id, organization_id);
create index ix_contracts_template on contracts (template_id);
create index ix_contracts_org_end_date on contracts (organization_id, end_date);
create index ix_contracts_document on contracts (document_id);

-- Colleagues a contract is shared with: they see it as its owner does (read only).
create table contract_shares (
    contract_id uuid not null references contracts (id) on delete cascade,
    user_id     uuid not null references users (id),
    shared_by   uuid references users (id),
    created_at  timestamp with time zone not null,
    primary key (contract_id, user_id)
);
create index ix_contract_shares_user on contract_shares (user_id, contract_id);
create index ix_contract_shares_shared_by on contract_shares (shared_by);

-- One approval per type and round; earlier rounds stay (never deleted). closed_at: the round ended (revision,
-- rejection, cancellation) while this approval was still undecided.
create table contract_approvals (
    id                uuid primary key,
    contract_id       uuid        not null references contracts (id),
    organization_id   uuid        not null references organizations (id),
    round             integer     not null,
    type              varchar(16) not null,
    status            varchar(32) not null,
    comment           varchar(4000),
    actor_id          uuid references users (id),
    acted_at          timestamp with time zone,
    escalated_by      uuid references users (id),
    escalated_at      timestamp with time zone,
    escalation_reason varchar(4000),
    closed_at         timestamp with time zone,
    created_at        timestamp with time zone not null,
    version           bigint      not null default 0,
    constraint uq_contract_approvals_round_type unique (contract_id, round, type),
    constraint ck_contract_approvals_type check (type in ('LEGAL', 'FINANCE')),
    constraint ck_contract_approvals_status check (status in ('PENDING', 'APPROVED', 'REJECTED', 'REVISION_REQUESTED',
        'ESCALATED'))
);
-- The queues: open approvals of a type in an organization, oldest first.
create index ix_contract_approvals_queue on contract_approvals (organization_id, type, status, created_at);
create index ix_contract_approvals_actor on contract_approvals (actor_id);
create index ix_contract_approvals_escalated_by on contract_approvals (escalated_by);

-- Every save, upload and restore: a full snapshot, numbered 1.. per contract without gaps (the contract's row is
-- locked while the next number is taken; the unique constraint is the backstop).
create table contract_versions (
    id               uuid primary key,
    contract_id      uuid            not null references contracts (id),
    number           integer         not null,
    kind             varchar(16)     not null,
    author_id        uuid            not null references users (id),
    created_at       timestamp with time zone not null,
    restored_from    integer,
    fields           varchar(100000) not null,
    body_html        varchar(1000000) not null,
    annexures        varchar(1000000) not null,
    variable_values  varchar(1000000) not null,
    body_sha256      varchar(64)     not null,
    document_id      uuid,
    changed_fields   varchar(4000)   not null,
    constraint uq_contract_versions_number unique (contract_id, number),
    constraint ck_contract_versions_kind check (kind in ('CREATED', 'EDITED', 'UPLOADED', 'RESTORED'))
);
create index ix_contract_versions_author on contract_versions (author_id);

-- The contract's activity feed (GET /contracts/{id}/audit): what happened, by whom; LEGAL_ONLY entries (an
-- escalation's reason, a return to legal) are shown to legal only. The hash-chained audit log has every entry too.
create table contract_activity (
    id          uuid primary key,
    contract_id uuid         not null references contracts (id),
    actor_id    uuid references users (id),
    action      varchar(64)  not null,
    detail      varchar(4000),
    visibility  varchar(16)  not null,
    created_at  timestamp with time zone not null
);
create index ix_contract_activity_contract on contract_activity (contract_id, created_at);
create index ix_contract_activity_actor on contract_activity (actor_id);
