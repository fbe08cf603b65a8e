package htm.task.entity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

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

    /** Whether the task has ended: no action but deletion (and restart of a failed task) moves it on. */
    public boolean isEnd() {
        return switch (this) {
            case STATE_FINISHED, STATE_FAILED, STATE_TERMINATED, STATE_EXPIRED, STATE_FORWARDED -> true;
            case STATE_INACTIVE, STATE_READY, STATE_CLAIMED -> false;
        };
    }

    /** Whether the task is still to be done: created, ready or claimed. */
    public boolean isOpen() {
        return !isEnd();
    }

    /** Whether someone can work on the task now: ready or claimed (its deadlines run only then). */
    public boolean isWorking() {
        return this == STATE_READY || this == STATE_CLAIMED;
    }

    /** The open states, for queries. */
    public static Set<TaskState> open() {
        return OPEN;
    }

    /** The working states, for queries. */
    public static Set<TaskState> working() {
        return WORKING;
    }

    private static final Set<TaskState> OPEN = states(TaskState::isOpen);
    private static final Set<TaskState> WORKING = states(TaskState::isWorking);

    private static Set<TaskState> states(Predicate<TaskState> which) {
        EnumSet<TaskState> states = EnumSet.noneOf(TaskState.class);
        for (TaskState state : values()) {
            if (which.test(state)) {
                states.add(state);
            }
        }
        return Collections.unmodifiableSet(states);
    }
}
