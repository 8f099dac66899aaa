-- Identity: organizations, users, roles and permissions, memberships, sign-in tokens.

CREATE TABLE organizations
(
    id         UUID                     NOT NULL PRIMARY KEY,
    code       VARCHAR(20)              NOT NULL,
    name       VARCHAR(200)             NOT NULL,
    type       VARCHAR(10)              NOT NULL,
    parent_id  UUID REFERENCES organizations (id),
    active     BOOLEAN                  NOT NULL,
    settings   VARCHAR(20000)           NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT organizations_code_uk UNIQUE (code),
    CONSTRAINT organizations_type_ck CHECK (type IN ('PARENT', 'ENTITY'))
);
CREATE INDEX organizations_parent_idx ON organizations (parent_id);

CREATE TABLE organization_features
(
    organization_id UUID        NOT NULL REFERENCES organizations (id),
    feature         VARCHAR(50) NOT NULL,
    enabled         BOOLEAN     NOT NULL,
    PRIMARY KEY (organization_id, feature)
);

CREATE TABLE users
(
    id                UUID                     NOT NULL PRIMARY KEY,
    email             VARCHAR(320)             NOT NULL,
    email_normalized  VARCHAR(320)             NOT NULL,
    name              VARCHAR(200)             NOT NULL,
    phone             VARCHAR(1000),
    password_hash     VARCHAR(100),
    status            VARCHAR(20)              NOT NULL,
    email_verified    BOOLEAN                  NOT NULL,
    must_change_password BOOLEAN               NOT NULL,
    last_sign_in_at   TIMESTAMP WITH TIME ZONE,
    password_changed_at TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_email_uk UNIQUE (email_normalized),
    CONSTRAINT users_status_ck CHECK (status IN ('INVITED', 'ACTIVE', 'DEACTIVATED'))
);

CREATE TABLE permissions
(
    code        VARCHAR(60)  NOT NULL PRIMARY KEY,
    module      VARCHAR(30)  NOT NULL,
    description VARCHAR(300) NOT NULL
);

-- System roles have no organization; scope_key ('system' or the organization id) makes
-- (scope, code) unique in both PostgreSQL and H2, which lack a common partial-index syntax.
CREATE TABLE roles
(
    id              UUID                     NOT NULL PRIMARY KEY,
    code            VARCHAR(50)              NOT NULL,
    name            VARCHAR(100)             NOT NULL,
    description     VARCHAR(500),
    organization_id UUID REFERENCES organizations (id),
    scope_key       VARCHAR(40)              NOT NULL,
    system_role     BOOLEAN                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT roles_scope_code_uk UNIQUE (scope_key, code)
);
CREATE INDEX roles_organization_idx ON roles (organization_id);

CREATE TABLE role_permissions
(
    role_id         UUID        NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    permission_code VARCHAR(60) NOT NULL REFERENCES permissions (code),
    PRIMARY KEY (role_id, permission_code)
);
CREATE INDEX role_permissions_permission_idx ON role_permissions (permission_code);

CREATE TABLE memberships
(
    id              UUID                     NOT NULL PRIMARY KEY,
    user_id         UUID                     NOT NULL REFERENCES users (id),
    organization_id UUID                     NOT NULL REFERENCES organizations (id),
    role_id         UUID                     NOT NULL REFERENCES roles (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT memberships_user_organization_uk UNIQUE (user_id, organization_id)
);
CREATE INDEX memberships_organization_idx ON memberships (organization_id);
CREATE INDEX memberships_role_idx ON memberships (role_id);

-- Opaque refresh tokens "selector.verifier": looked up by selector, verifier stored as a hash.
-- One family per sign-in; each use rotates the token within its family.
CREATE TABLE refresh_tokens
(
    id              UUID                     NOT NULL PRIMARY KEY,
    selector        VARCHAR(40)              NOT NULL,
    verifier_hash   VARCHAR(100)             NOT NULL,
    family_id       UUID                     NOT NULL,
    user_id         UUID                     NOT NULL REFERENCES users (id),
    organization_id UUID                     NOT NULL REFERENCES organizations (id),
    status          VARCHAR(10)              NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at      TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_reason  VARCHAR(40),
    family_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ip_address      VARCHAR(64),
    user_agent      VARCHAR(300),
    CONSTRAINT refresh_tokens_selector_uk UNIQUE (selector),
    CONSTRAINT refresh_tokens_status_ck CHECK (status IN ('ACTIVE', 'ROTATED', 'REVOKED'))
);
CREATE INDEX refresh_tokens_family_status_idx ON refresh_tokens (family_id, status);
CREATE INDEX refresh_tokens_user_status_idx ON refresh_tokens (user_id, status);
CREATE INDEX refresh_tokens_organization_idx ON refresh_tokens (organization_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);

-- Revoked access tokens: the source of truth behind Redis' blacklist:{jti}.
CREATE TABLE revoked_access_tokens
(
    jti        VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id    UUID                     NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX revoked_access_tokens_expires_idx ON revoked_access_tokens (expires_at);

-- Single-use links: password reset, e-mail verification, invitation. Only a hash is stored.
CREATE TABLE user_tokens
(
    id              UUID                     NOT NULL PRIMARY KEY,
    user_id         UUID                     NOT NULL REFERENCES users (id),
    purpose         VARCHAR(30)              NOT NULL,
    token_hash      VARCHAR(100)             NOT NULL,
    organization_id UUID REFERENCES organizations (id),
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT user_tokens_hash_uk UNIQUE (token_hash),
    CONSTRAINT user_tokens_purpose_ck CHECK (purpose IN ('PASSWORD_RESET', 'EMAIL_VERIFICATION', 'INVITATION'))
);
CREATE INDEX user_tokens_user_purpose_idx ON user_tokens (user_id, purpose);
CREATE INDEX user_tokens_organization_idx ON user_tokens (organization_id);
CREATE INDEX user_tokens_expires_idx ON user_tokens (expires_at);
