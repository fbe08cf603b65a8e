-- Webhook subscriptions and their deliveries (API.md §7). A change's transaction that writes an event also
-- writes one delivery per subscription that wants it, so a committed event is never missed and a rolled-back
-- one never sent. A server leases a delivery (lease_owner, lease_until) before it posts it: one server sends
-- it, and another takes it over when the lease of a killed one runs out.
create table webhook_subscription (
    id varchar(36) not null,
    url varchar(2000) not null,
    -- the event types wanted, as ",htm.task.claimed,htm.task.completed,"; '*' for every type
    types varchar(2000) not null,
    namespace varchar(255),
    name_prefix varchar(255),
    task_template_id varchar(36),
    secret varchar(100) not null,
    previous_secret varchar(100),
    previous_secret_until timestamp(6) with time zone,
    created_by varchar(255) not null,
    creation_time timestamp(6) with time zone not null,
    primary key (id)
);

create table webhook_delivery (
    subscription_id varchar(36) not null,
    event_id bigint not null,
    task_id varchar(36) not null,
    -- PENDING until a 2xx answer (DELIVERED) or until retries run out (FAILED)
    status varchar(10) not null,
    attempts integer not null,
    event_time timestamp(6) with time zone not null,
    next_attempt_time timestamp(6) with time zone not null,
    last_attempt_time timestamp(6) with time zone,
    last_status_code integer,
    lease_owner varchar(100),
    lease_until timestamp(6) with time zone,
    primary key (subscription_id, event_id)
);

-- what is due, for the workers; the first pending delivery of a task, for the order per task
create index ix_webhook_delivery_due on webhook_delivery (status, next_attempt_time);
create index ix_webhook_delivery_task on webhook_delivery (subscription_id, task_id, status, event_id);
