-- In-app notifications: what a user sees under the bell, per organization, and which kinds of
-- notification each user wants in the app and by e-mail.

CREATE TABLE notifications
(
    id              UUID                     NOT NULL PRIMARY KEY,
    user_id         UUID                     NOT NULL,
    organization_id UUID                     NOT NULL,
    type            VARCHAR(100)             NOT NULL,
    title           VARCHAR(200)             NOT NULL,
    message         VARCHAR(2000)            NOT NULL,
    -- A path inside the application ('/admin/outbox/…'), never an absolute or protocol-relative URL.
    link            VARCHAR(1000),
    -- Set when the same fact may be reported twice (an event delivered again): one row per user and key.
    once_key        VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notifications_once_uk UNIQUE (user_id, once_key),
    CONSTRAINT notifications_link_ck CHECK (link IS NULL OR (link LIKE '/%' AND link NOT LIKE '//%'))
);
-- The bell's unread count and the unread list, newest first (read_at IS NULL is an equality here).
CREATE INDEX notifications_unread_idx ON notifications (user_id, organization_id, read_at, created_at DESC);
-- The whole list, newest first, and the same filtered by type.
CREATE INDEX notifications_list_idx ON notifications (user_id, organization_id, created_at DESC);
CREATE INDEX notifications_type_idx ON notifications (user_id, organization_id, type, created_at DESC);

-- A row only where a user changed the type's default.
CREATE TABLE notification_preferences
(
    user_id    UUID                     NOT NULL,
    type       VARCHAR(100)             NOT NULL,
    in_app     BOOLEAN                  NOT NULL,
    email      BOOLEAN                  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, type)
);

-- Who invited a member, so the inviter hears when the invitation is accepted.
ALTER TABLE memberships ADD COLUMN invited_by UUID REFERENCES users (id);
CREATE INDEX memberships_invited_by_idx ON memberships (invited_by);
