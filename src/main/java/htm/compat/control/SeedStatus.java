package htm.compat.control;

import htm.task.entity.TaskState;
import java.util.Collection;

/**
 * How each seed names an HTM state: one pure function per foreign status field. The switches name every state,
 * so a new state does not compile until each seed has a word for it.
 */
public final class SeedStatus {

    private SeedStatus() {}

    /** An Itential task's "status" (seed 000). */
    public static String itentialTask(TaskState state) {
        return switch (state) {
            case STATE_INACTIVE, STATE_READY -> "incomplete";
            case STATE_CLAIMED -> "running";
            case STATE_FINISHED, STATE_FORWARDED -> "complete";
            case STATE_FAILED -> "error";
            case STATE_TERMINATED, STATE_EXPIRED -> "canceled";
        };
    }

    /** An Itential task's "metrics.finish_state" (seed 000): null while the task is open. */
    public static String itentialFinishState(TaskState state) {
        return switch (state) {
            case STATE_INACTIVE, STATE_READY, STATE_CLAIMED -> null;
            case STATE_FINISHED, STATE_FORWARDED -> "success";
            case STATE_FAILED -> "error";
            case STATE_TERMINATED, STATE_EXPIRED -> "canceled";
        };
    }

    /** An Itential job's "status" (seed 001) from its tasks' states: error if one failed, running while one is open. */
    public static String itentialJob(Collection<TaskState> tasks) {
        if (tasks.contains(TaskState.STATE_FAILED)) {
            return "error";
        }
        return tasks.isEmpty() || tasks.stream().anyMatch(TaskState::isOpen) ? "running" : "complete";
    }

    /** The A2A TaskState that Oracle BPM's answer carries in "status.state" (seed 003). */
    public static String oracle(TaskState state, boolean awaitingInformation) {
        return switch (state) {
            case STATE_INACTIVE, STATE_READY -> "submitted";
            case STATE_CLAIMED -> awaitingInformation ? "input-required" : "working";
            case STATE_FINISHED, STATE_FORWARDED -> "completed";
            case STATE_FAILED -> "failed";
            case STATE_TERMINATED, STATE_EXPIRED -> "canceled";
        };
    }

    /** An Alfresco task's "state" (seed 002). */
    public static String alfresco(TaskState state, boolean delegated) {
        return switch (state) {
            case STATE_INACTIVE, STATE_READY -> "unclaimed";
            case STATE_CLAIMED -> delegated ? "delegated" : "claimed";
            case STATE_FINISHED, STATE_FORWARDED -> "completed";
            case STATE_FAILED -> "failed";
            case STATE_TERMINATED -> "terminated";
            case STATE_EXPIRED -> "expired";
        };
    }
}
