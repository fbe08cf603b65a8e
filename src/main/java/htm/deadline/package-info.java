/**
 * Deadlines and escalation: the persistent timer that fires due deadlines one task at a time, and the escalation
 * API.
 */
package htm.deadline;
