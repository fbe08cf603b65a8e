-- A2A push notifications (API.md §8) are webhook subscriptions to one task: they hear every event of that task
-- only, and are sent the task in A2A's words (format 'A2A') instead of the event, with the agent's token and
-- the Authorization it asked for. config_id is the agent's name for the configuration, unique per task and agent.
alter table webhook_subscription add column task_id varchar(36);
alter table webhook_subscription add column config_id varchar(100);
alter table webhook_subscription add column format varchar(10);
alter table webhook_subscription add column token varchar(1000);
alter table webhook_subscription add column auth_header varchar(2100);
create index ix_webhook_subscription_task on webhook_subscription (task_id, created_by, config_id);
