-- Task templates (defaults and an escalation chain, kept as the JSON they were written in) and the
-- escalation chains of the tasks made from them.
create table task_template (
    tktid varchar(36) not null,
    name varchar(255) not null,
    namespace varchar(255),
    defaults_json ${longText} not null,
    escalations_json ${longText} not null,
    created_by varchar(255) not null,
    creation_time timestamp(6) with time zone not null,
    primary key (tktid)
);

create index ix_template_name on task_template (name);

create table task_escalation (
    esiid varchar(36) not null,
    task_id varchar(36) not null,
    chain_position integer not null,
    name varchar(255) not null,
    after_duration varchar(40) not null,
    when_still_in varchar(20),
    raise_priority_to integer,
    transfer_to_group varchar(255),
    notification varchar(2000),
    state varchar(40) not null,
    activation_time timestamp(6) with time zone,
    escalation_time timestamp(6) with time zone,
    escalated_by varchar(255),
    primary key (esiid)
);

create index ix_escalation_due on task_escalation (state, escalation_time);
create index ix_escalation_task on task_escalation (task_id, chain_position);

create table task_escalation_receiver (
    esiid varchar(36) not null,
    people_role varchar(24) not null,
    is_group boolean not null,
    principal varchar(255) not null
);

alter table task_escalation add constraint fk_task_escalation_task foreign key (task_id) references task;
alter table task_escalation_receiver add constraint fk_task_escalation_receiver_escalation
    foreign key (esiid) references task_escalation;
