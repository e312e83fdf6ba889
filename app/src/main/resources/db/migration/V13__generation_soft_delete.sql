-- Deleting a history row hides it, as deleting a library item does (V7): library items and batch
-- results that point at the generation keep working, and the row goes for good with the
-- workspace or the person's erasure. Portable SQL: H2 and PostgreSQL.
ALTER TABLE generations ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE generations ADD COLUMN deleted_by UUID REFERENCES users (id);
