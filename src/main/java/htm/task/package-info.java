/**
 * The task itself: the aggregate that guards its own lifecycle and permissions, its people, data and children,
 * and the facades that act on it.
 */
package htm.task;
