-- Ended tasks with a deletion time are swept away by the deadline timer.
create index ix_task_deletion on task (deletion_time);
