/**
 * Ad hoc routing: a task handed through a route of subtasks, sequentially or in parallel.
 */
package htm.routing;
