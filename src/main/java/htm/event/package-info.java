/**
 * Task events: the outbox every committed change writes into (the entity's Hibernate listener), the CloudEvents
 * it is read as, and the callers' live streams (Server-Sent Events) with the gap-aware cursor that reads it.
 */
package htm.event;
