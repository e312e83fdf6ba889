-- The prompt library: collections, items with an append-only version history, tags and per-user
-- favourites. Portable SQL: H2 and PostgreSQL. Every row names its workspace and the user who
-- wrote it (created_by, edited_by, user_id).

CREATE TABLE library_collections (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         VARCHAR(100)             NOT NULL,
    created_by   UUID                     NOT NULL REFERENCES users (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX library_collections_workspace_idx ON library_collections (workspace_id);

-- An item is private to its author until shared with the workspace (shared_at set).
CREATE TABLE library_items (
    id            UUID                     NOT NULL PRIMARY KEY,
    workspace_id  UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    collection_id UUID                     REFERENCES library_collections (id),
    generation_id UUID                     REFERENCES generations (id),
    created_by    UUID                     NOT NULL REFERENCES users (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    shared_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX library_items_workspace_idx ON library_items (workspace_id, created_at);

-- Edits never overwrite: each is a new version; the item's text is its highest version.
CREATE TABLE library_item_versions (
    item_id         UUID                     NOT NULL REFERENCES library_items (id) ON DELETE CASCADE,
    version         INTEGER                  NOT NULL,
    title           VARCHAR(200)             NOT NULL,
    prompt          TEXT                     NOT NULL,
    negative_prompt TEXT,
    target          VARCHAR(64)              NOT NULL,
    mode            VARCHAR(16)              NOT NULL,
    note            VARCHAR(500),
    edited_by       UUID                     NOT NULL REFERENCES users (id),
    edited_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT library_item_versions_pk PRIMARY KEY (item_id, version)
);

CREATE TABLE library_item_tags (
    item_id UUID        NOT NULL REFERENCES library_items (id) ON DELETE CASCADE,
    tag     VARCHAR(50) NOT NULL,
    CONSTRAINT library_item_tags_pk PRIMARY KEY (item_id, tag)
);

CREATE INDEX library_item_tags_tag_idx ON library_item_tags (tag);

CREATE TABLE library_favourites (
    item_id    UUID                     NOT NULL REFERENCES library_items (id) ON DELETE CASCADE,
    user_id    UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT library_favourites_pk PRIMARY KEY (item_id, user_id)
);
