-- Workspace API keys, their per-minute request counters, and stored answers for Idempotency-Key.
-- Portable SQL: H2 and PostgreSQL. All three live in the database so any instance can serve any
-- request.

-- Only the SHA-256 of a key is stored; the key itself is shown once, at creation. created_by traces
-- a key (and what it creates) to the person who made it.
CREATE TABLE api_keys (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    created_by   UUID                     NOT NULL REFERENCES users (id),
    name         VARCHAR(100)             NOT NULL,
    prefix       VARCHAR(16)              NOT NULL,
    key_hash     CHAR(64)                 NOT NULL,
    scope        VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_keys_scope_check CHECK (scope IN ('read', 'write'))
);

CREATE UNIQUE INDEX api_keys_hash_idx ON api_keys (key_hash);
CREATE INDEX api_keys_workspace_idx ON api_keys (workspace_id);

-- Fixed one-minute windows: one row per key and minute.
CREATE TABLE api_rate_windows (
    key_id       UUID                     NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    requests     INTEGER                  NOT NULL,
    CONSTRAINT api_rate_windows_pk PRIMARY KEY (key_id, window_start)
);

-- The first answer to a POST with an Idempotency-Key, replayed for a repeat of the same request.
-- caller is the user id or "key:" + the API key id, so a record traces to its user or key.
CREATE TABLE idempotency_records (
    caller          VARCHAR(64)              NOT NULL,
    idempotency_key VARCHAR(200)             NOT NULL,
    request_hash    CHAR(64)                 NOT NULL,
    status          INTEGER                  NOT NULL,
    content_type    VARCHAR(100),
    location        VARCHAR(500),
    body            TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_records_pk PRIMARY KEY (caller, idempotency_key)
);

CREATE INDEX idempotency_records_created_idx ON idempotency_records (created_at);
