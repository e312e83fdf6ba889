-- Workspaces (a personal one per user, and teams), their members and invitations, and the owner
-- columns on analyses and generations. Portable SQL: H2 and PostgreSQL.
-- Rows with a NULL workspace_id are the anonymous "try it" results of the page at /: they name no
-- user and are readable only by whoever holds their random id.

CREATE TABLE workspaces (
    id         UUID                     NOT NULL PRIMARY KEY,
    name       VARCHAR(100)             NOT NULL,
    personal   BOOLEAN                  NOT NULL,
    created_by UUID                     NOT NULL REFERENCES users (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE memberships (
    workspace_id UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id      UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role         VARCHAR(16)              NOT NULL,
    joined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT memberships_pk PRIMARY KEY (workspace_id, user_id),
    CONSTRAINT memberships_role_check CHECK (role IN ('owner', 'admin', 'member', 'viewer'))
);

CREATE INDEX memberships_user_idx ON memberships (user_id);

-- An invitation names the invitee's email (personal data of someone who may have no account yet)
-- and who invited them. Only the SHA-256 of the link's token is stored.
CREATE TABLE invitations (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email        VARCHAR(320)             NOT NULL,
    role         VARCHAR(16)              NOT NULL,
    token_hash   CHAR(64)                 NOT NULL,
    invited_by   UUID                     NOT NULL REFERENCES users (id),
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_by  UUID                     REFERENCES users (id),
    accepted_at  TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT invitations_role_check CHECK (role IN ('admin', 'member', 'viewer'))
);

CREATE UNIQUE INDEX invitations_token_idx ON invitations (token_hash);
CREATE INDEX invitations_workspace_idx ON invitations (workspace_id);

ALTER TABLE analyses ADD COLUMN workspace_id UUID REFERENCES workspaces (id);
ALTER TABLE analyses ADD COLUMN created_by UUID REFERENCES users (id);
ALTER TABLE generations ADD COLUMN workspace_id UUID REFERENCES workspaces (id);
ALTER TABLE generations ADD COLUMN created_by UUID REFERENCES users (id);

CREATE INDEX analyses_workspace_idx ON analyses (workspace_id);
CREATE INDEX generations_workspace_idx ON generations (workspace_id, created_at);
