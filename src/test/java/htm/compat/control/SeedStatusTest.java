package htm.compat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import htm.task.entity.TaskState;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each seed's word for every HTM state, written out as the seeds define them. */
class SeedStatusTest {

    /** In the order of TaskState: INACTIVE READY CLAIMED FINISHED FAILED TERMINATED EXPIRED FORWARDED. */
    private static void expect(List<String> words, Function<TaskState, String> status) {
        TaskState[] states = TaskState.values();
        assertEquals(states.length, words.size(), "a word for every state");
        for (int i = 0; i < states.length; i++) {
            assertEquals(words.get(i), status.apply(states[i]), states[i].name());
        }
    }

    @Test
    void itentialTask() {
        expect(
                List.of("incomplete", "incomplete", "running", "complete", "error", "canceled", "canceled", "complete"),
                SeedStatus::itentialTask);
    }

    @Test
    void itentialFinishState() {
        expect(
                Arrays.asList(null, null, null, "success", "error", "canceled", "canceled", "success"),
                SeedStatus::itentialFinishState);
    }

    @Test
    void itentialJob() {
        assertEquals("running", SeedStatus.itentialJob(List.of()), "a job without tasks yet");
        assertEquals("running", SeedStatus.itentialJob(List.of(TaskState.STATE_FINISHED, TaskState.STATE_INACTIVE)));
        assertEquals("complete", SeedStatus.itentialJob(List.of(TaskState.STATE_FINISHED, TaskState.STATE_TERMINATED)));
        assertEquals("error", SeedStatus.itentialJob(List.of(TaskState.STATE_READY, TaskState.STATE_FAILED)));
    }

    @Test
    void oracleSpeaksA2a() {
        expect(
                List.of(
                        "submitted",
                        "submitted",
                        "working",
                        "completed",
                        "failed",
                        "canceled",
                        "canceled",
                        "completed"),
                state -> SeedStatus.oracle(state, false));
        assertEquals("input-required", SeedStatus.oracle(TaskState.STATE_CLAIMED, true));
        assertEquals("submitted", SeedStatus.oracle(TaskState.STATE_READY, true), "only a claimed task awaits input");
    }

    @Test
    void alfresco() {
        expect(
                List.of(
                        "unclaimed",
                        "unclaimed",
                        "claimed",
                        "completed",
                        "failed",
                        "terminated",
                        "expired",
                        "completed"),
                state -> SeedStatus.alfresco(state, false));
        assertEquals("delegated", SeedStatus.alfresco(TaskState.STATE_CLAIMED, true));
    }
}
