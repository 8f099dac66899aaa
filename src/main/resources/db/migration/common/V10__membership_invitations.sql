-- Memberships per organization (issue 8): an account is global, a membership belongs to one
-- organization. An invitation creates a PENDING membership that only its own link turns ACTIVE; an
-- organization's administrator may SUSPEND the membership in their organization.
ALTER TABLE memberships ADD COLUMN status VARCHAR(10) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE memberships ADD CONSTRAINT memberships_status_ck CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED'));
-- The name the inviting administrator typed: what that organization sees until the person accepts,
-- never the account's own name.
ALTER TABLE memberships ADD COLUMN invited_name VARCHAR(200);

-- People who never accepted their invitation: their memberships wait for it.
UPDATE memberships SET status = 'PENDING',
                       invited_name = (SELECT u.name FROM users u WHERE u.id = memberships.user_id)
WHERE user_id IN (SELECT id FROM users WHERE status = 'INVITED');

-- Each invitation link is bound to its own membership; removing the membership ends its links.
ALTER TABLE user_tokens ADD COLUMN membership_id UUID REFERENCES memberships (id) ON DELETE CASCADE;
CREATE INDEX user_tokens_membership_idx ON user_tokens (membership_id);
UPDATE user_tokens SET membership_id = (SELECT m.id FROM memberships m
                                        WHERE m.user_id = user_tokens.user_id
                                          AND m.organization_id = user_tokens.organization_id)
WHERE purpose = 'INVITATION';
