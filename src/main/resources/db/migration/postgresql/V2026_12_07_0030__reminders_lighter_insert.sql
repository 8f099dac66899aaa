-- A run inserts up to hundreds of thousands of reminders in one statement; every constraint and index is paid per row
-- (bench/reminders.sh). Two bought nothing: the foreign key on organization_id (a reminder's organization is its
-- certificate's, which coi_id already references, with ON DELETE CASCADE) cost a key-share lock on the organization's
-- row per reminder, and ix_reminders_coi duplicated the unique key's leading coi_id (a certificate's history has a
-- handful of rows to sort).
alter table reminders_expiration_reminders drop constraint reminders_expiration_reminders_organization_id_fkey;
drop index ix_reminders_coi;
