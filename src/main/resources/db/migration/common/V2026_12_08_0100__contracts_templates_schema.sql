-- Contract templates (CLM.md "Templates"). A template is global (scope_key 'global', no owner: Covenant's own,
-- seeded at start in every deployment) or owned by an organization (scope_key = the organization's id) and
-- enabled for it and for any organization listed in contract_template_availability. Its code is unique within
-- its scope. Every edit is a new row of contract_template_versions: contracts keep the version they were made from.
create table contract_templates (
    id                    uuid primary key,
    scope_key             varchar(40)   not null,
    owner_organization_id uuid references organizations (id),
    code                  varchar(60)   not null,
    name                  varchar(200)  not null,
    category              varchar(32)   not null,
    description           varchar(2000),
    active                boolean       not null,
    current_version       integer       not null,
    variable_count        integer       not null,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint        not null default 0,
    constraint uq_contract_templates_scope_code unique (scope_key, code),
    constraint ck_contract_templates_category check (category in ('SERVICE_AGREEMENT', 'NDA', 'PURCHASE_ORDER',
        'VENDOR_AGREEMENT', 'EMPLOYMENT', 'LEASE', 'SUBCONTRACT', 'OTHER')),
    constraint ck_contract_templates_scope check ((scope_key = 'global' and owner_organization_id is null)
        or (scope_key <> 'global' and owner_organization_id is not null))
);
-- The library: by owner (an organization's own templates), then name.
create index ix_contract_templates_owner on contract_templates (owner_organization_id, name);
create index ix_contract_templates_category on contract_templates (category, name);

-- The organizations a template is enabled for beside global availability (its owner always among them).
create table contract_template_availability (
    template_id     uuid not null references contract_templates (id) on delete cascade,
    organization_id uuid not null references organizations (id),
    constraint pk_contract_template_availability primary key (template_id, organization_id)
);
create index ix_contract_template_availability_org on contract_template_availability (organization_id, template_id);

create table contract_template_versions (
    id              uuid primary key,
    template_id     uuid          not null references contract_templates (id) on delete cascade,
    number          integer       not null,
    body_html       varchar(1000000) not null,
    created_at      timestamp with time zone not null,
    created_by      uuid,
    created_by_name varchar(200),
    constraint uq_contract_template_versions_number unique (template_id, number)
);

-- A version's annexures ("Part B"), in order.
create table contract_template_annexures (
    version_id uuid          not null references contract_template_versions (id) on delete cascade,
    sort_order integer       not null,
    title      varchar(200)  not null,
    html       varchar(1000000) not null,
    constraint pk_contract_template_annexures primary key (version_id, sort_order)
);

-- A version's variables: every placeholder of its text, merged with its definitions, in order of appearance.
-- choices: the allowed values of a CHOICE, one per line.
create table contract_template_variables (
    version_id    uuid          not null references contract_template_versions (id) on delete cascade,
    sort_order    integer       not null,
    var_key       varchar(60)   not null,
    label         varchar(200)  not null,
    type          varchar(16)   not null,
    required      boolean       not null,
    default_value varchar(5000),
    choices       varchar(4000),
    constraint pk_contract_template_variables primary key (version_id, sort_order),
    constraint ck_contract_template_variables_type check (type in ('TEXT', 'NUMBER', 'DATE', 'MONEY', 'TEXTAREA',
        'CHOICE'))
);
