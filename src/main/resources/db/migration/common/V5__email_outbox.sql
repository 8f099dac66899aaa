-- The e-mail outbox: every message is written here in the same transaction as the change that causes
-- it, then sent (and retried) by the notifications module, so no e-mail is lost on a crash or outage.
CREATE TABLE email_outbox
(
    id              UUID                     NOT NULL PRIMARY KEY,
    organization_id UUID,
    to_address      VARCHAR(320)             NOT NULL,
    subject         VARCHAR(255)             NOT NULL,
    body_text       TEXT                     NOT NULL,
    body_html       TEXT                     NOT NULL,
    template        VARCHAR(100)             NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    attempts        INT                      NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000),
    -- When the message is next due. While a node sends it, this is the end of that node's claim: if the
    -- node dies mid-send, the message becomes due again then and another node picks it up.
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    correlation_id  VARCHAR(100),
    -- Set by the node that claimed the message; only that node may record the outcome.
    claim_token     UUID,
    CONSTRAINT email_outbox_status_check CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT email_outbox_attempts_check CHECK (attempts >= 0)
);

-- The sender's query: due PENDING messages, oldest first.
CREATE INDEX email_outbox_status_next_attempt_idx ON email_outbox (status, next_attempt_at);
-- The admin list of one organization's messages, newest first.
CREATE INDEX email_outbox_organization_created_idx ON email_outbox (organization_id, created_at);
