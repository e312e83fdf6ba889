-- Portable SQL: runs unchanged on H2 (the zero-setup default) and PostgreSQL.
-- Images are never stored: an analysis keeps the image's SHA-256 and the analysis JSON only.
-- Ownership (user, workspace) arrives with accounts: a later migration adds nullable owner columns
-- and indexes; every read already goes through one repository method per query to scope there.

CREATE TABLE analyses (
    id             UUID                     NOT NULL PRIMARY KEY,
    schema_version INTEGER                  NOT NULL,
    analysis_json  TEXT                     NOT NULL,
    image_sha256   CHAR(64)                 NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX analyses_image_sha256_idx ON analyses (image_sha256);
CREATE INDEX analyses_created_at_idx ON analyses (created_at);

CREATE TABLE generations (
    id               UUID                     NOT NULL PRIMARY KEY,
    analysis_id      UUID                     NOT NULL REFERENCES analyses (id),
    target           VARCHAR(64)              NOT NULL,
    mode             VARCHAR(16)              NOT NULL,
    controls_json    TEXT                     NOT NULL,
    prompt           TEXT                     NOT NULL,
    negative_prompt  TEXT,
    parameters_json  TEXT                     NOT NULL,
    warnings_json    TEXT                     NOT NULL,
    tokens           INTEGER                  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX generations_analysis_id_idx ON generations (analysis_id);
CREATE INDEX generations_created_at_idx ON generations (created_at);
