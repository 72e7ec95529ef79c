-- The H2 group commit (GroupCommit, H2Checkpoint) bumps this row before each CHECKPOINT. A CHECKPOINT with nothing
-- new to store returns at once, even while a store that H2's background writer started is still being written on
-- H2's own threads, and that store may hold the very commits the CHECKPOINT was meant to write. With this change
-- there is always something new: the CHECKPOINT stores synchronously, behind every store already queued (H2 writes
-- them one at a time, in order), so it returns only when they are all in the file. Not used on PostgreSQL.
CREATE TABLE file_write_marker (
    id     INT    NOT NULL PRIMARY KEY,
    writes BIGINT NOT NULL
);
INSERT INTO file_write_marker (id, writes) VALUES (1, 0);
