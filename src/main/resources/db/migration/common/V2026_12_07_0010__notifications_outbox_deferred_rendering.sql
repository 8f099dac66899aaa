-- A bulk message (EmailOutbox.enqueueAll) is rendered when it is sent, not when it is queued: until then
-- it holds its prepared template values as JSON and no bodies. Rendering writes the bodies and clears
-- the values (they may hold a one-time link).
ALTER TABLE email_outbox ADD COLUMN model_json TEXT;
ALTER TABLE email_outbox ALTER COLUMN body_text DROP NOT NULL;
ALTER TABLE email_outbox ALTER COLUMN body_html DROP NOT NULL;
