-- As on PostgreSQL (see db/migration/postgresql), but the organization's foreign key stays: H2 named it itself, and
-- the embedded default's runs are small.
drop index ix_reminders_coi;
