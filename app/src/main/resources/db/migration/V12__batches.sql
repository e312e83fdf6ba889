-- Batch captioning (issue 14): a batch, its items and one result per item. Portable SQL: H2 and
-- PostgreSQL. Each row names its workspace and member (privacy export/erasure), and each item has
-- an operation id so usage can be charged per image later.

CREATE TABLE batches (
    id            UUID                     NOT NULL PRIMARY KEY,
    workspace_id  UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    created_by    UUID                     REFERENCES users (id),
    target        VARCHAR(64)              NOT NULL,
    mode          VARCHAR(16)              NOT NULL,
    controls_json TEXT                     NOT NULL,
    caption_json  TEXT                     NOT NULL,
    total         INTEGER                  NOT NULL,
    skipped       INTEGER                  NOT NULL,
    cancelled     BOOLEAN                  DEFAULT FALSE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX batches_workspace_idx ON batches (workspace_id, created_at);

-- The uploaded bytes live in `image` only while the item waits or runs: they are set to NULL in
-- the transaction that stores the item's result, marks it failed or cancels it. Any instance can
-- work on any item because the bytes are here, not on one machine's disk.
CREATE TABLE batch_items (
    batch_id     UUID                     NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    item_no      INTEGER                  NOT NULL,
    operation_id UUID                     NOT NULL,
    workspace_id UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    created_by   UUID                     REFERENCES users (id),
    file_name    VARCHAR(512)             NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    attempts     INTEGER                  DEFAULT 0 NOT NULL,
    error        VARCHAR(500),
    image        BYTEA,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT batch_items_pk PRIMARY KEY (batch_id, item_no),
    CONSTRAINT batch_items_operation_uq UNIQUE (operation_id),
    CONSTRAINT batch_items_state_check CHECK (state IN ('queued', 'done', 'failed', 'cancelled'))
);

CREATE INDEX batch_items_state_idx ON batch_items (state);

-- One result per item, whatever the queue delivers: the primary key is the idempotency key.
CREATE TABLE batch_results (
    batch_id        UUID                     NOT NULL,
    item_no         INTEGER                  NOT NULL,
    workspace_id    UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    analysis_id     UUID                     NOT NULL REFERENCES analyses (id),
    generation_id   UUID                     NOT NULL REFERENCES generations (id),
    caption         TEXT                     NOT NULL,
    image_sha256    CHAR(64)                 NOT NULL,
    worker          VARCHAR(100)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT batch_results_pk PRIMARY KEY (batch_id, item_no),
    CONSTRAINT batch_results_item_fk FOREIGN KEY (batch_id, item_no)
        REFERENCES batch_items (batch_id, item_no) ON DELETE CASCADE
);
