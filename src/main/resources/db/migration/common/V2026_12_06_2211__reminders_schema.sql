-- Renewal reminders (INSURANCE.md "Renewal reminders", API.md ExpirationReminder). A reminder row is written by
-- the run that sends it, at most once per (certificate, policy line, type, due date): the unique constraint is what
-- makes two nodes or two runs send nothing twice (INSERT ... ON CONFLICT DO NOTHING; only inserted rows are mailed).
create table reminders_expiration_reminders (
    id                 uuid primary key,
    organization_id    uuid          not null references organizations (id),
    coi_id             uuid          not null references insurance_cois (id) on delete cascade,
    policy_line        varchar(16)   not null,
    policy_number      varchar(100),
    expiration_date    date          not null,
    days_before_expiry integer       not null,
    reminder_type      varchar(16)   not null,
    due_date           date          not null,
    sent_at            timestamp with time zone not null,
    sent_to            varchar(2000) not null,
    email_subject      varchar(300)  not null,
    broker_id          uuid,
    acknowledged       boolean       not null default false,
    acknowledged_at    timestamp with time zone,
    acknowledged_by    uuid references users (id),
    constraint uq_reminders_once unique (coi_id, policy_line, reminder_type, due_date),
    constraint ck_reminders_type check (reminder_type in ('DAYS_30', 'DAYS_14', 'DAYS_7', 'DAYS_2', 'EXPIRED',
        'EVERY_2_DAYS'))
);
create index ix_reminders_org_pending on reminders_expiration_reminders (organization_id, acknowledged, due_date, id);
create index ix_reminders_coi on reminders_expiration_reminders (coi_id, sent_at);
create index ix_reminders_broker on reminders_expiration_reminders (broker_id, acknowledged);

-- Per-organization settings: reminders on or off, types switched off (comma-separated), extra recipients
-- (comma-separated addresses, added to every digest of the organization). No row: everything on, no extras.
create table reminders_settings (
    organization_id  uuid primary key references organizations (id),
    enabled          boolean       not null default true,
    disabled_types   varchar(200)  not null default '',
    extra_recipients varchar(2000) not null default '',
    updated_by       uuid references users (id),
    updated_at       timestamp with time zone not null
);
