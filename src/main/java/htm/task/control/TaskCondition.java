package htm.task.control;

import htm.task.entity.Task;
import htm.task.entity.TaskState;

/** What the lifecycle looks at to decide whether an action is legal now. */
public record TaskCondition(TaskState state, boolean suspended, boolean claimIfSuspended, boolean delegated) {

    public static TaskCondition of(Task task) {
        return new TaskCondition(task.state(), task.isSuspended(), task.supportsClaimIfSuspended(), false);
    }
}
