-- The "blur" safety action: a marked image is kept with a warning, and every picture of it the
-- product shows or stores is blurred. Portable SQL: H2 and PostgreSQL.

ALTER TABLE workspaces DROP CONSTRAINT workspaces_safety_action_check;
ALTER TABLE workspaces ADD CONSTRAINT workspaces_safety_action_check
    CHECK (safety_action IN ('allow', 'warn', 'blur', 'refuse'));

-- Whether the safety check blurred this generation's image (decided when it was made): its
-- thumbnail, if kept, was blurred before it was stored, and clients show its pictures blurred.
ALTER TABLE generations ADD COLUMN blurred BOOLEAN DEFAULT FALSE NOT NULL;
