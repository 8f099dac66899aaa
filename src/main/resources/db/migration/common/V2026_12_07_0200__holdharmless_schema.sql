-- Hold-harmless agreements (INSURANCE.md "Hold-harmless agreements", API.md HoldHarmless): one per certificate,
-- generated when the certificate is approved and its program requires one, signed sub then GC through a signing
-- envelope (signatures module). document_id is the generated PDF, completed_document_id the sealed final one.
create table hold_harmless_agreements (
    id                    uuid primary key,
    organization_id       uuid          not null references organizations (id),
    coi_id                uuid          not null references insurance_cois (id) on delete cascade,
    project_id            uuid          not null,
    sub_id                uuid          not null,
    gc_id                 uuid          not null,
    status                varchar(32)   not null,
    effective_date        date          not null,
    expiration_date       date,
    envelope_id           uuid,
    document_id           uuid,
    completed_document_id uuid,
    sub_signer_name       varchar(200),
    sub_signer_email      varchar(254),
    gc_signer_name        varchar(200),
    gc_signer_email       varchar(254),
    sub_signed_at         timestamp with time zone,
    sub_signed_by         varchar(254),
    gc_signed_at          timestamp with time zone,
    gc_signed_by          varchar(254),
    sent_at               timestamp with time zone,
    completed_at          timestamp with time zone,
    rejection_reason      varchar(2000),
    rejected_at           timestamp with time zone,
    rejected_by           varchar(254),
    generation_error      varchar(1000),
    attempts              integer       not null default 0,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint        not null default 0,
    constraint uq_hold_harmless_agreements_coi unique (coi_id),
    constraint ck_hold_harmless_agreements_status check (status in ('PENDING_GENERATION', 'PENDING_SUB_SIGNATURE',
        'PENDING_GC_SIGNATURE', 'COMPLETED', 'REJECTED', 'EXPIRED'))
);
-- Lists by organization and status (newest first) and the statistics.
create index ix_hold_harmless_org_status on hold_harmless_agreements (organization_id, status, created_at, id);
-- The daily expiry: open agreements past their expiration date.
create index ix_hold_harmless_status_expiration on hold_harmless_agreements (status, expiration_date);
create index ix_hold_harmless_envelope on hold_harmless_agreements (envelope_id);
create index ix_hold_harmless_sub on hold_harmless_agreements (sub_id);
create index ix_hold_harmless_gc on hold_harmless_agreements (gc_id);

-- Each organization's default agreement template (used when a program requiring an agreement has none of its
-- own): seeded at start for organizations without one, for each organization created later, and on first read.
create table hold_harmless_templates (
    organization_id uuid primary key references organizations (id),
    template_html   varchar(20000) not null,
    updated_at      timestamp with time zone not null,
    updated_by      uuid references users (id)
);
