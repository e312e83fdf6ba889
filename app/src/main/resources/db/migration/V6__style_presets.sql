-- Brand style presets: a workspace's named styles. Portable SQL: H2 and PostgreSQL.
-- The style itself is JSON (palette, light key, contrast, medium, lens, composition, mood, avoid);
-- created_by and updated_by trace a row to its users.

CREATE TABLE style_presets (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         VARCHAR(100)             NOT NULL,
    style_json   TEXT                     NOT NULL,
    analysis_id  UUID                     REFERENCES analyses (id),
    created_by   UUID                     NOT NULL REFERENCES users (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   UUID                     NOT NULL REFERENCES users (id),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX style_presets_workspace_idx ON style_presets (workspace_id, name);
