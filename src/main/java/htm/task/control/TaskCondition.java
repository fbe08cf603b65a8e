package htm.task.control;

import htm.task.entity.Task;
import htm.task.entity.TaskState;

/** What the lifecycle looks at to decide whether an action is legal now. */
public record TaskCondition(
        TaskState state,
        boolean suspended,
        boolean claimIfSuspended,
        boolean delegated,
        boolean waitingForSubTask,
        boolean supportsDelegation,
        boolean supportsSubTasks,
        boolean supportsFollowOnTasks) {

    /** A task that supports everything and has no delegate and no open subtask. */
    public static TaskCondition of(TaskState state, boolean suspended) {
        return new TaskCondition(state, suspended, false, false, false, true, true, true);
    }

    public static TaskCondition of(Task task) {
        return new TaskCondition(
                task.state(),
                task.isSuspended(),
                task.supportsClaimIfSuspended(),
                task.delegate() != null,
                task.isWaitingForSubTask(),
                task.supportsDelegation(),
                task.supportsSubTasks(),
                task.supportsFollowOnTasks());
    }
}
