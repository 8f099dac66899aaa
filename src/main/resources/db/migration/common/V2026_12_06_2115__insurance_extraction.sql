-- What was read from each ACORD 25 uploaded to a certificate (issue 11), and what people corrected, so accuracy in
-- real use can be reported per producer (the agency that issued the certificate).

-- One reading per uploaded ACORD 25. READING while a scan waits for OCR (a background task); then EXTRACTED,
-- NO_TEXT or FAILED. result_json is the Extraction representation of API.md (with its problems), as written.
create table insurance_coi_extractions (
    document_id     uuid primary key,
    coi_id          uuid          not null references insurance_cois (id) on delete cascade,
    organization_id uuid          not null references organizations (id),
    status          varchar(16)   not null,
    method          varchar(16),
    producer        varchar(300),
    fields_read     integer       not null default 0,
    result_json     text,
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    constraint ck_insurance_coi_extractions_status check (status in ('READING', 'EXTRACTED', 'NO_TEXT', 'FAILED')),
    constraint ck_insurance_coi_extractions_method check (method is null or method in ('ACROFORM', 'TEXT', 'OCR'))
);
create index ix_insurance_coi_extractions_coi on insurance_coi_extractions (coi_id, started_at);
create index ix_insurance_coi_extractions_org_producer on insurance_coi_extractions (organization_id, producer);

-- One row per value a person changed from what was read, at most one per (document, field): the latest correction
-- wins, and the row goes when the value is set back to what was read. field is the policy form's name for it,
-- e.g. "GL.policyNumber", "GL.expirationDate", "WC.limits.EL_EACH_ACCIDENT", "AUTO.additionalInsured".
create table insurance_extraction_corrections (
    id              uuid primary key,
    organization_id uuid          not null references organizations (id),
    coi_id          uuid          not null references insurance_cois (id) on delete cascade,
    document_id     uuid          not null references insurance_coi_extractions (document_id) on delete cascade,
    producer        varchar(300),
    field           varchar(120)  not null,
    read_value      varchar(500),
    corrected_value varchar(500),
    corrected_by    uuid          not null references users (id),
    corrected_at    timestamp with time zone not null,
    constraint uq_insurance_extraction_corrections_field unique (document_id, field)
);
create index ix_insurance_extraction_corrections_org_producer on insurance_extraction_corrections (organization_id, producer);
create index ix_insurance_extraction_corrections_coi on insurance_extraction_corrections (coi_id, corrected_at);
