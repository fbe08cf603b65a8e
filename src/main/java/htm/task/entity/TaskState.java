package htm.task.entity;

/** The execution states of API.md §3. Suspended and escalated are flags on the task, not states. */
public enum TaskState {
    STATE_INACTIVE,
    STATE_READY,
    STATE_CLAIMED,
    STATE_FINISHED,
    STATE_FAILED,
    STATE_TERMINATED,
    STATE_EXPIRED,
    STATE_FORWARDED;

    public boolean isEnd() {
        return switch (this) {
            case STATE_FINISHED, STATE_FAILED, STATE_TERMINATED, STATE_EXPIRED, STATE_FORWARDED -> true;
            case STATE_INACTIVE, STATE_READY, STATE_CLAIMED -> false;
        };
    }
}
