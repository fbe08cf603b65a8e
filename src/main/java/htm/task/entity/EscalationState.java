package htm.task.entity;

/** Where one escalation of a task stands: not yet timed, timed, fired, or no longer needed. */
public enum EscalationState {
    ESCALATION_STATE_INACTIVE,
    ESCALATION_STATE_WAITING,
    ESCALATION_STATE_ESCALATED,
    ESCALATION_STATE_SUPERFLUOUS;

    public boolean isPending() {
        return this == ESCALATION_STATE_INACTIVE || this == ESCALATION_STATE_WAITING;
    }
}
