-- Idempotency-Key: the first answer to a POST, replayed for 24 hours to retries of the same request
-- by the same user. A row without status is a request still in progress.
CREATE TABLE idempotency_keys
(
    user_id         UUID                     NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    status          INT,
    content_type    VARCHAR(200),
    location        VARCHAR(2000),
    body            BYTEA,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);

CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
