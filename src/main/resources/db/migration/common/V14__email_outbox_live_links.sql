-- Whether a message's body holds a link with a one-time token (invitation, password reset, e-mail
-- verification): such a body is replaced by a note once the message is delivered, so the outbox never
-- keeps a usable link after the recipient has it.
ALTER TABLE email_outbox ADD COLUMN holds_live_link BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE email_outbox SET holds_live_link = TRUE
WHERE template IN ('invitation', 'password-reset', 'email-verification');

UPDATE email_outbox
SET body_text = 'The body of this message held a one-time link and was removed after delivery.',
    body_html = '<p>The body of this message held a one-time link and was removed after delivery.</p>'
WHERE holds_live_link = TRUE AND status = 'SENT';

-- The retention job deletes the oldest rows first.
CREATE INDEX email_outbox_created_idx ON email_outbox (created_at);
CREATE INDEX notifications_created_idx ON notifications (created_at);
