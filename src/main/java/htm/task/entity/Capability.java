package htm.task.entity;

/** What a task's creator may switch on or off for it, each with its create-body field and its default. */
public enum Capability {
    CLAIM_IF_SUSPENDED("supportsClaimIfSuspended", false),
    DELEGATION("supportsDelegation", true),
    SUB_TASKS("supportsSubTasks", true),
    FOLLOW_ON_TASKS("supportsFollowOnTasks", true),
    AUTOMATIC_CLAIM("supportsAutomaticClaim", false);

    private final String field;
    private final boolean byDefault;

    Capability(String field, boolean byDefault) {
        this.field = field;
        this.byDefault = byDefault;
    }

    /** The field of the create body and of the task resource that carries it. */
    public String field() {
        return field;
    }

    /** Whether a task has it when its creator does not say. */
    public boolean byDefault() {
        return byDefault;
    }
}
