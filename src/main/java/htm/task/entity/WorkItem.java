package htm.task.entity;

import htm.worklist.entity.WorkItemIndex;

/**
 * One reason a task shows up in a work list: a user or group, and why. Each is a row of {@code work_item} that
 * also carries the task's columns that lists filter and sort on, so that a work list reads index ranges of that
 * table alone (indexes {@code ix_work_item_list (principal, is_group, reason, state, priority, creation_time,
 * task_id)} and {@code ix_work_item_task (task_id, reason)}). A task's work items follow from the task alone
 * ({@link Task#workItems()}); {@link WorkItemIndex} writes them whenever the task is stored.
 */
public record WorkItem(String principal, boolean isGroup, WorkItemReason reason) {}
