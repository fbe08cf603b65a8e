-- A copy of each task's people and properties in its own row, so that a read needs the row alone (ReadCopy).
-- The copies of the tasks already there are written by the Java migration that follows (FillReadCopies).
alter table task add column read_copy ${longText};
