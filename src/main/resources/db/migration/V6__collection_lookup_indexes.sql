-- Collections are read by their owner's id; the primary keys of these tables do not start with it.
create index ix_people_task on task_people (task_id);
create index ix_job_watcher_job on job_watcher (job_id);
create index ix_escalation_receiver on task_escalation_receiver (esiid);
