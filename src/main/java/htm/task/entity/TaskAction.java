package htm.task.entity;

/**
 * What can be done to a task. The HTM name of each is ACTION_ and its name without underscores; the type of the
 * event it makes is htm.task. and what the action did, in the past tense.
 */
public enum TaskAction {
    CREATE("created"),
    START("started"),
    CLAIM("claimed"),
    CANCEL_CLAIM("claimCanceled"),
    COMPLETE("completed"),
    FAIL("failed"),
    SUSPEND("suspended"),
    RESUME("resumed"),
    TERMINATE("terminated"),
    SUSPEND_AND_CANCEL_CLAIM("suspendedAndClaimCanceled"),
    RESTART("restarted"),
    DELEGATE("delegated"),
    RESOLVE("resolved"),
    COMPLETE_WITH_FOLLOW_ON_TASK("forwarded"),
    DELETE("deleted"),
    UPDATE("updated"),
    /** hands the ownership of a claimed task to another user */
    TRANSFER("transferred"),
    /** makes a user the owner of a ready task, on their behalf */
    ASSIGN("assigned"),
    /** changes who is named in one of the task's people lists */
    TRANSFER_WORK_ITEM("workItemTransferred"),
    SET_INPUT("inputSet"),
    SET_OUTPUT("outputSet"),
    SET_FAULT("faultSet"),
    SET_CUSTOM_PROPERTY("customPropertySet"),
    ADD_COMMENT("commented"),
    CREATE_SUBTASK("subtaskCreated"),
    EXPIRE("expired"),
    /** fires a link of the task's escalation chain, when due or by hand */
    ESCALATE("escalated"),
    /** hands the decision on a claimed task to participants, asked through subtasks (an ad hoc route) */
    ROUTE("routed");

    private final String eventName;

    TaskAction(String eventName) {
        this.eventName = eventName;
    }

    public String htmName() {
        return "ACTION_" + name().replace("_", "");
    }

    /** The CloudEvents type of the event this action makes (API.md §7): htm.task.claimed and so on. */
    public String eventType() {
        return "htm.task." + eventName;
    }
}
