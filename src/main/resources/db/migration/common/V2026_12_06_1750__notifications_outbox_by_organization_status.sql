-- The home page's "Undelivered e-mail" card counts an organization's FAILED messages on every visit of an
-- outbox reader: one index range instead of every message the organization kept until retention.
CREATE INDEX email_outbox_organization_status_idx ON email_outbox (organization_id, status);
