-- The schema of HTM 0.1: tasks with their people, properties, comments and history; jobs.
-- One script for PostgreSQL and H2 (placeholders: htm.schema.control.SchemaMigration). Enumerations are plain varchar, so that a new
-- value needs no migration.

create sequence task_binary_property_seq start with 1 increment by 50;

create sequence task_comment_seq start with 1 increment by 50;

create sequence task_history_seq start with 1 increment by 50;

create table job (
    claimed_at timestamp(6) with time zone,
    created timestamp(6) with time zone not null,
    last_updated timestamp(6) with time zone not null,
    version bigint not null,
    id varchar(24) not null,
    created_by varchar(255) not null,
    last_updated_by varchar(255) not null,
    name varchar(255) not null,
    owner varchar(255),
    primary key (id)
);

create table job_watcher (
    position integer not null,
    job_id varchar(24) not null,
    watcher varchar(255),
    primary key (position, job_id)
);

create table task (
    awaiting_information boolean,
    business_relevant boolean,
    escalated boolean not null,
    priority integer not null,
    supports_automatic_claim boolean,
    supports_claim_if_suspended boolean,
    supports_delegation boolean,
    supports_follow_on_tasks boolean,
    supports_sub_tasks boolean,
    suspended boolean not null,
    waiting_for_sub_task boolean,
    activation_time timestamp(6) with time zone,
    completion_time timestamp(6) with time zone,
    creation_time timestamp(6) with time zone not null,
    deletion_time timestamp(6) with time zone,
    due_time timestamp(6) with time zone,
    expiration_time timestamp(6) with time zone,
    first_activation_time timestamp(6) with time zone,
    last_modification_time timestamp(6) with time zone not null,
    last_state_change_time timestamp(6) with time zone not null,
    resumption_time timestamp(6) with time zone,
    start_time timestamp(6) with time zone,
    version bigint not null,
    kind varchar(20) not null,
    state varchar(20) not null,
    follow_on_task_id varchar(36),
    parent_context_id varchar(36),
    task_template_id varchar(36),
    tkiid varchar(36) not null,
    top_level_task_id varchar(36),
    auto_deletion_mode varchar(40),
    duration_until_deleted varchar(40),
    duration_until_due varchar(40),
    duration_until_expires varchar(40),
    position_in_hierarchy varchar(40) not null,
    description varchar(4000),
    application_name varchar(255),
    containment_context_id varchar(255),
    delegate varchar(255),
    display_name varchar(255),
    fault_message ${longText},
    fault_name varchar(255),
    input_message ${longText},
    name varchar(255) not null,
    namespace varchar(255),
    originator varchar(255) not null,
    output_message ${longText},
    owner varchar(255),
    previous_owner varchar(255),
    starter varchar(255),
    task_template_name varchar(255),
    type varchar(255),
    primary key (tkiid)
);

create table task_binary_property (
    id bigint not null,
    task_id varchar(36) not null,
    content bytea not null,
    media_type varchar(255) not null,
    prop_name varchar(255) not null,
    primary key (id),
    constraint uq_binary_property unique (task_id, prop_name)
);

create table task_binary_property_meta (
    task_id varchar(36) not null,
    media_type varchar(255),
    prop_name varchar(255) not null,
    primary key (task_id, prop_name)
);

create table task_comment (
    created_at timestamp(6) with time zone not null,
    id bigint not null,
    task_id varchar(36) not null,
    text varchar(4000) not null,
    author varchar(255) not null,
    primary key (id)
);

create table task_custom_property (
    task_id varchar(36) not null,
    prop_value varchar(4000),
    prop_name varchar(255) not null,
    primary key (task_id, prop_name)
);

create table task_history (
    event_time timestamp(6) with time zone not null,
    id bigint not null,
    from_state varchar(20),
    to_state varchar(20),
    task_id varchar(36) not null,
    action varchar(40) not null,
    details varchar(2000),
    principal varchar(255) not null,
    primary key (id)
);

create table task_people (
    is_group boolean not null,
    people_role varchar(24) not null,
    task_id varchar(36) not null,
    principal varchar(255) not null,
    primary key (is_group, people_role, task_id, principal)
);

create index ix_task_work_list on task (state, priority, creation_time, tkiid);

create index ix_task_due on task (state, due_time);

create index ix_task_activation on task (state, activation_time);

create index ix_task_creation on task (creation_time);

create index ix_task_name on task (name);

create index ix_task_owner_state on task (owner, state, priority, creation_time, tkiid);

create index ix_task_originator on task (originator);

create index ix_task_parent on task (parent_context_id);

create index ix_task_resumption on task (suspended, resumption_time);

create index ix_task_expiration on task (state, expiration_time);

create index ix_comment_task on task_comment (task_id, created_at, id);

create index ix_custom_property on task_custom_property (prop_name, prop_value);

create index ix_history_task on task_history (task_id, event_time, id);

create index ix_people_principal on task_people (principal, people_role, is_group);

alter table job_watcher add constraint fk_job_watcher_job foreign key (job_id) references job;

alter table task_binary_property add constraint fk_task_binary_property_task foreign key (task_id) references task;

alter table task_binary_property_meta add constraint fk_task_binary_property_meta_task foreign key (task_id) references task;

alter table task_comment add constraint fk_task_comment_task foreign key (task_id) references task;

alter table task_custom_property add constraint fk_task_custom_property_task foreign key (task_id) references task;

alter table task_history add constraint fk_task_history_task foreign key (task_id) references task;

alter table task_people add constraint fk_task_people_task foreign key (task_id) references task;
