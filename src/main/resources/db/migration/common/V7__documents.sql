-- Documents: one row per stored version. The versions of a document share chain_id (the id of version 1),
-- are numbered from 1 and point at the one before; exactly the newest has latest = true, so "latest
-- version" and "all versions" are both one indexed lookup. A deleted document keeps its rows (deleted_at).
create table documents (
    id                  uuid primary key,
    chain_id            uuid         not null,
    version             integer      not null,
    previous_version_id uuid         references documents (id),
    latest              boolean      not null,
    organization_id     uuid         not null references organizations (id),
    owner_module        varchar(64)  not null,
    owner_record_id     uuid         not null,
    original_name       varchar(255) not null,
    content_type        varchar(100) not null,
    size_bytes          bigint       not null,
    sha256              char(64)     not null,
    storage_key         varchar(128) not null,
    uploaded_by         uuid         references users (id),
    uploaded_at         timestamp with time zone  not null,
    deleted_at          timestamp with time zone,
    constraint uq_documents_storage_key unique (storage_key),
    constraint uq_documents_chain_version unique (chain_id, version),
    constraint ck_documents_version check (version >= 1),
    constraint ck_documents_size check (size_bytes > 0)
);

create index ix_documents_organization_uploaded on documents (organization_id, uploaded_at);
create index ix_documents_owner on documents (owner_module, owner_record_id, uploaded_at);
create index ix_documents_chain_latest on documents (chain_id, latest);
create index ix_documents_previous_version on documents (previous_version_id);
create index ix_documents_uploaded_by on documents (uploaded_by);

-- Every storage key, committed before its content is written: content whose document row never
-- committed (or was deleted) is found here by the documents-orphan-cleanup job and removed.
create table document_objects (
    storage_key varchar(128) primary key,
    created_at  timestamp with time zone  not null
);

create index ix_document_objects_created on document_objects (created_at);
