-- Privacy by design (issue 13): each person's choices, connection logs, requests received by
-- mail, one-time export downloads and pending email changes. Portable SQL: H2 and PostgreSQL.
-- docs/privacy-inventory.md maps every column to its category, purpose, legal basis and retention.

-- restricted_at: processing restricted at the person's request (Art. 18); nothing is analysed or
-- charged while set. erasure_due_at: erasure requested, carried out then unless they sign in
-- before. closed_at: the account was erased; the row is then a tombstone without personal data
-- (names blank, email replaced) that pseudonymised rows may point at, purged three years later.
ALTER TABLE users ADD COLUMN restricted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN product_email_opt_out BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE users ADD COLUMN analytics_opt_out BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE users ADD COLUMN erasure_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;

-- Whether the workspace sends images to the configured vision-language provider (off by default:
-- an image leaves the server only where a workspace's managers turned this on).
ALTER TABLE workspaces ADD COLUMN vision_provider BOOLEAN DEFAULT FALSE NOT NULL;

-- Security events per person: time, action, client address and browser family (never the raw
-- User-Agent). user_id is NULL for a failed sign-in with an email that has no account.
CREATE TABLE connection_logs (
    id          UUID                     NOT NULL PRIMARY KEY,
    user_id     UUID                     REFERENCES users (id) ON DELETE CASCADE,
    action      VARCHAR(32)              NOT NULL,
    ip_address  VARCHAR(45),
    browser     VARCHAR(64),
    api_key_id  UUID,
    detail      VARCHAR(200),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX connection_logs_user_idx ON connection_logs (user_id, occurred_at);
CREATE INDEX connection_logs_occurred_idx ON connection_logs (occurred_at);
CREATE INDEX connection_logs_key_idx ON connection_logs (api_key_id, occurred_at);

-- Rights exercised by mail, for the operators' view: each has a one-month deadline.
CREATE TABLE privacy_requests (
    id              UUID                     NOT NULL PRIMARY KEY,
    requester_email VARCHAR(320),
    user_id         UUID                     REFERENCES users (id) ON DELETE SET NULL,
    kind            VARCHAR(16)              NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    note            VARCHAR(1000),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT privacy_requests_kind_check
        CHECK (kind IN ('access', 'rectification', 'erasure', 'restriction', 'objection',
                        'portability')),
    CONSTRAINT privacy_requests_status_check CHECK (status IN ('open', 'done', 'refused'))
);

CREATE INDEX privacy_requests_due_idx ON privacy_requests (status, due_at);

-- A large export, built in the background and downloadable once through a mailed link; only the
-- SHA-256 of the link's token is stored.
CREATE TABLE export_downloads (
    token_hash CHAR(64)                 NOT NULL PRIMARY KEY,
    user_id    UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    archive    BYTEA                    NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX export_downloads_user_idx ON export_downloads (user_id);

-- A change of email waits for the new address to be confirmed through a mailed link.
CREATE TABLE email_changes (
    token_hash CHAR(64)                 NOT NULL PRIMARY KEY,
    user_id    UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    new_email  VARCHAR(320)             NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX email_changes_user_idx ON email_changes (user_id);
