-- The settings page shows the organization's latest reminders (max(sent_at)): an index seek, not a scan.
create index ix_reminders_org_sent on reminders_expiration_reminders (organization_id, sent_at);
