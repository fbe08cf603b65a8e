package htm.task.entity;

/** What can be done to a task. The HTM name of each is ACTION_ and its name without underscores. */
public enum TaskAction {
    CREATE, START, CLAIM, CANCEL_CLAIM, COMPLETE, FAIL, SUSPEND, RESUME, TERMINATE, SUSPEND_AND_CANCEL_CLAIM,
    RESTART, DELEGATE, RESOLVE, COMPLETE_WITH_FOLLOW_ON_TASK, DELETE, UPDATE, TRANSFER, SET_INPUT, SET_OUTPUT,
    SET_FAULT, ADD_COMMENT, CREATE_SUBTASK, EXPIRE;

    public String htmName() {
        return "ACTION_" + name().replace("_", "");
    }
}
