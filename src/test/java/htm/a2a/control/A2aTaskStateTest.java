package htm.a2a.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import htm.task.entity.TaskState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class A2aTaskStateTest {

    @Test
    void everyHtmStateHasItsA2aState() {
        Map<TaskState, String> expected = Map.of(
                TaskState.STATE_INACTIVE, "submitted",
                TaskState.STATE_READY, "submitted",
                TaskState.STATE_CLAIMED, "working",
                TaskState.STATE_FINISHED, "completed",
                TaskState.STATE_FORWARDED, "completed",
                TaskState.STATE_FAILED, "failed",
                TaskState.STATE_EXPIRED, "failed",
                TaskState.STATE_TERMINATED, "canceled");
        assertEquals(TaskState.values().length, expected.size());
        expected.forEach((state, a2a) -> assertEquals(a2a, A2aTaskState.of(state, false), state.name()));
    }

    @Test
    void aClaimedTaskWaitingForTheAgentsAnswerRequiresInput() {
        assertEquals("input-required", A2aTaskState.of(TaskState.STATE_CLAIMED, true));
    }

    @Test
    void onlyAClaimedTaskCanRequireInput() {
        for (TaskState state : TaskState.values()) {
            if (state != TaskState.STATE_CLAIMED) {
                assertEquals(A2aTaskState.of(state, false), A2aTaskState.of(state, true), state.name());
            }
        }
    }

    @Test
    void theEndedStatesAreTerminal() {
        for (TaskState state : TaskState.values()) {
            String a2a = A2aTaskState.of(state, false);
            assertEquals(!state.isOpen(), A2aTaskState.isTerminal(a2a), state.name());
        }
    }
}
