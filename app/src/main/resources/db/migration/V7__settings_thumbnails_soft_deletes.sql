-- Workspace settings (what to do with images the safety classifier marks; whether to keep a
-- thumbnail with each generation) and the thumbnails themselves. Portable SQL: H2 and PostgreSQL.

ALTER TABLE workspaces ADD COLUMN safety_action VARCHAR(8) DEFAULT 'warn' NOT NULL;
ALTER TABLE workspaces ADD COLUMN thumbnails BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE workspaces ADD CONSTRAINT workspaces_safety_action_check
    CHECK (safety_action IN ('allow', 'warn', 'refuse'));

-- Only when the workspace opted in: a small re-encoded JPEG (long side at most 256 px, no
-- metadata), never the upload itself. It goes when its generation goes.
CREATE TABLE generation_thumbnails (
    generation_id UUID                     NOT NULL PRIMARY KEY REFERENCES generations (id) ON DELETE CASCADE,
    workspace_id  UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    jpeg          BYTEA                    NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX generation_thumbnails_workspace_idx ON generation_thumbnails (workspace_id);

-- Deleting a library item hides it; its versions stay as they were (append-only).
ALTER TABLE library_items ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE library_items ADD COLUMN deleted_by UUID REFERENCES users (id);
