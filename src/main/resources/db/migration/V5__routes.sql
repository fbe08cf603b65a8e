-- Ad hoc routes: the owner of a task hands the decision to participants, each asked through a subtask.
create table task_route (
    task_id varchar(36) not null,
    routing_type varchar(20) not null,
    voters_percentage integer not null,
    default_outcome varchar(64),
    routing_action varchar(64),
    router varchar(255) not null,
    decision varchar(64),
    primary key (task_id)
);

create table task_route_step (
    task_id varchar(36) not null,
    position integer not null,
    principal varchar(255) not null,
    is_group boolean not null,
    subtask_id varchar(36),
    answered boolean not null,
    outcome varchar(64),
    primary key (task_id, position)
);

-- a route goes with its task, whichever way the task is deleted
alter table task_route add constraint fk_task_route_task foreign key (task_id) references task on delete cascade;
alter table task_route_step add constraint fk_task_route_step_route foreign key (task_id) references task_route
    on delete cascade;
