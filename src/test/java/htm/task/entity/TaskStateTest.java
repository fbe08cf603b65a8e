package htm.task.entity;

import static htm.task.entity.TaskState.STATE_CLAIMED;
import static htm.task.entity.TaskState.STATE_INACTIVE;
import static htm.task.entity.TaskState.STATE_READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TaskStateTest {

    @Test
    void openAndWorkingStates() {
        assertEquals(EnumSet.of(STATE_INACTIVE, STATE_READY, STATE_CLAIMED), TaskState.open());
        assertEquals(EnumSet.of(STATE_READY, STATE_CLAIMED), TaskState.working());
        for (TaskState state : TaskState.values()) {
            assertEquals(!state.isEnd(), TaskState.open().contains(state), state.name());
            assertEquals(state.isWorking(), TaskState.working().contains(state), state.name());
        }
        assertThrows(UnsupportedOperationException.class, () -> TaskState.open().add(TaskState.STATE_FAILED));
    }
}
