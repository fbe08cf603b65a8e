-- The event outbox: one row per committed change of a task (API.md §7), written in the change's transaction.
-- Ids come one by one from a sequence, in the order the changes are flushed; they are the events' ids and the
-- position a stream resumes from. No foreign key: a deleted task's events outlive it.
create sequence task_event_seq start with 1 increment by 1;

create table task_event (
    id bigint not null,
    task_id varchar(36) not null,
    type varchar(60) not null,
    event_time timestamp(6) with time zone not null,
    data ${longText} not null,
    primary key (id)
);

create index ix_task_event_task on task_event (task_id, id);
