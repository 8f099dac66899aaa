-- Files attached to an outbox message (a completed PDF), sent with it by every provider. Deleted with their
-- message (the retention job deletes messages; the cascade takes their attachments along).
create table email_outbox_attachments (
    id           uuid primary key,
    message_id   uuid not null references email_outbox (id) on delete cascade,
    part_order   integer not null,
    filename     varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint not null,
    content      bytea not null
);
create index email_outbox_attachments_message on email_outbox_attachments (message_id, part_order);
