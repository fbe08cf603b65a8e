-- Work items: why a task shows up in whose work list, with the task's list columns beside, so that a work list
-- (and its total) reads index ranges of this table: one for the user and one for each of their groups. The
-- Task entity keeps them in step with every change; here they are made for the tasks already there.
create sequence work_item_seq start with 1 increment by 50;

create table work_item (
    id bigint not null,
    task_id varchar(36) not null,
    principal varchar(255) not null,
    is_group boolean not null,
    reason varchar(24) not null,
    state varchar(20) not null,
    suspended boolean not null,
    priority integer not null,
    creation_time timestamp(6) with time zone not null,
    activation_time timestamp(6) with time zone,
    due_time timestamp(6) with time zone,
    name varchar(255) not null,
    primary key (id)
);

insert into work_item (id, task_id, principal, is_group, reason, state, suspended, priority, creation_time,
                       activation_time, due_time, name)
select ${nextWorkItemId}, t.tkiid, p.principal, p.is_group, p.people_role, t.state, t.suspended, t.priority,
       t.creation_time, t.activation_time, t.due_time, t.name
from task_people p join task t on t.tkiid = p.task_id;

insert into work_item (id, task_id, principal, is_group, reason, state, suspended, priority, creation_time,
                       activation_time, due_time, name)
select ${nextWorkItemId}, tkiid, owner, false, 'OWNER', state, suspended, priority, creation_time, activation_time,
       due_time, name
from task where owner is not null;

insert into work_item (id, task_id, principal, is_group, reason, state, suspended, priority, creation_time,
                       activation_time, due_time, name)
select ${nextWorkItemId}, tkiid, originator, false, 'ORIGINATOR', state, suspended, priority, creation_time,
       activation_time, due_time, name
from task;

insert into work_item (id, task_id, principal, is_group, reason, state, suspended, priority, creation_time,
                       activation_time, due_time, name)
select ${nextWorkItemId}, tkiid, starter, false, 'STARTER', state, suspended, priority, creation_time,
       activation_time, due_time, name
from task where starter is not null;

insert into work_item (id, task_id, principal, is_group, reason, state, suspended, priority, creation_time,
                       activation_time, due_time, name)
select ${nextWorkItemId}, tkiid, delegate, false, 'DELEGATE', state, suspended, priority, creation_time,
       activation_time, due_time, name
from task where delegate is not null;

create index ix_work_item_list on work_item (principal, is_group, reason, state, priority, creation_time, task_id);
create index ix_work_item_task on work_item (task_id, reason);
alter table work_item add constraint fk_work_item_task foreign key (task_id) references task;
