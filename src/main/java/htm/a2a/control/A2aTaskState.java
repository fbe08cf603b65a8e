package htm.a2a.control;

import htm.task.entity.TaskState;

/** How an HTM task's state reads as the A2A protocol's TaskState (API.md §8). */
public final class A2aTaskState {

    private A2aTaskState() {}

    /**
     * The A2A state of a task in the given HTM state; inputRequired when its owner has asked the task's
     * originator (the agent) for information and waits for the answer.
     */
    public static String of(TaskState state, boolean inputRequired) {
        return switch (state) {
            case STATE_INACTIVE, STATE_READY -> "submitted";
            case STATE_CLAIMED -> inputRequired ? "input-required" : "working";
            case STATE_FINISHED, STATE_FORWARDED -> "completed";
            case STATE_FAILED, STATE_EXPIRED -> "failed";
            case STATE_TERMINATED -> "canceled";
        };
    }

    /** Whether an A2A task in this state is over: no message moves it on. */
    public static boolean isTerminal(String state) {
        return switch (state) {
            case "completed", "failed", "canceled", "rejected" -> true;
            default -> false;
        };
    }
}
