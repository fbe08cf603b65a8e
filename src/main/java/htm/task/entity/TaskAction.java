package htm.task.entity;

/** What can be done to a task. The HTM name of each is ACTION_ and its name without underscores. */
public enum TaskAction {
    CREATE,
    START,
    CLAIM,
    CANCEL_CLAIM,
    COMPLETE,
    FAIL,
    SUSPEND,
    RESUME,
    TERMINATE,
    SUSPEND_AND_CANCEL_CLAIM,
    RESTART,
    DELEGATE,
    RESOLVE,
    COMPLETE_WITH_FOLLOW_ON_TASK,
    DELETE,
    UPDATE,
    /** hands the ownership of a claimed task to another user */
    TRANSFER,
    /** makes a user the owner of a ready task, on their behalf */
    ASSIGN,
    /** changes who is named in one of the task's people lists */
    TRANSFER_WORK_ITEM,
    SET_INPUT,
    SET_OUTPUT,
    SET_FAULT,
    SET_CUSTOM_PROPERTY,
    ADD_COMMENT,
    CREATE_SUBTASK,
    EXPIRE,
    /** fires a link of the task's escalation chain, when due or by hand */
    ESCALATE,
    /** hands the decision on a claimed task to participants, asked through subtasks (an ad hoc route) */
    ROUTE;

    public String htmName() {
        return "ACTION_" + name().replace("_", "");
    }
}
