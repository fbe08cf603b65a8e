-- the workers read what is due in the order (next_attempt_time, event_id): the index gives it whole, so that a
-- turn reads its window from the index and stops, however long the queue
drop index ix_webhook_delivery_due;
create index ix_webhook_delivery_due on webhook_delivery (status, next_attempt_time, event_id);
