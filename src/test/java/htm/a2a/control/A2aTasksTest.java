package htm.a2a.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htm.a2a.control.A2aTasks.Snapshot;
import htm.security.control.Caller;
import htm.security.control.Role;
import htm.task.boundary.TaskView;
import htm.task.control.Actor;
import htm.task.entity.Assignment;
import htm.task.entity.PeopleRole;
import htm.task.entity.Task;
import htm.task.entity.TaskDefinition;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a stream says of a task: its status update (final once it has ended), its output as an artifact. */
class A2aTasksTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Actor AGENT = Actor.of(new Caller("carol", Set.of(), Set.of(Role.APIWRITE)));
    private static final Actor ALICE = Actor.of(new Caller("alice", Set.of(), Set.of(Role.APIWRITE)));

    private static Task offeredToAlice() {
        Task task = Task.create(
                TaskDefinition.of("approveRefund", List.of(Assignment.user(PeopleRole.POTENTIAL_OWNER, "alice"))),
                "carol",
                NOW);
        task.start(AGENT, NOW);
        return task;
    }

    private static Snapshot snapshot(Task task) {
        return new Snapshot(TaskView.of(task), task.output(), null, List.of());
    }

    @Test
    void aClaimedTaskIsWorkingNotFinalAndHasNoArtifact() {
        Task task = offeredToAlice();
        task.claim(ALICE, NOW);
        JsonObject update = A2aTasks.statusUpdate(snapshot(task));
        assertEquals("status-update", update.getString("kind"));
        assertEquals(task.tkiid(), update.getString("taskId"));
        assertEquals(task.tkiid(), update.getString("contextId"));
        assertEquals("working", update.getJsonObject("status").getString("state"));
        assertFalse(update.getBoolean("final"));
        assertNull(A2aTasks.artifactUpdate(snapshot(task)));
    }

    @Test
    void aCompletedTaskIsFinalAndItsOutputTheArtifact() {
        Task task = offeredToAlice();
        task.claim(ALICE, NOW);
        task.complete(ALICE, "{\"outcome\": \"APPROVE\", \"amount\": 120}", NOW);
        JsonObject update = A2aTasks.statusUpdate(snapshot(task));
        assertEquals("completed", update.getJsonObject("status").getString("state"));
        assertTrue(update.getBoolean("final"));

        JsonObject artifact = A2aTasks.artifactUpdate(snapshot(task));
        assertEquals("artifact-update", artifact.getString("kind"));
        assertTrue(artifact.getBoolean("lastChunk"));
        assertFalse(artifact.getBoolean("append"));
        JsonObject part =
                artifact.getJsonObject("artifact").getJsonArray("parts").getJsonObject(0);
        assertEquals("data", part.getString("kind"));
        assertEquals(120, part.getJsonObject("data").getInt("amount"));
        assertEquals(
                "APPROVE",
                artifact.getJsonObject("artifact").getJsonObject("metadata").getString("outcome"));
    }

    @Test
    void anOutputThatIsNotAnObjectIsTheArtifactsValue() {
        Task task = offeredToAlice();
        task.claim(ALICE, NOW);
        task.complete(ALICE, "\"done\"", NOW);
        JsonObject data = A2aTasks.artifactUpdate(snapshot(task))
                .getJsonObject("artifact")
                .getJsonArray("parts")
                .getJsonObject(0)
                .getJsonObject("data");
        assertEquals("done", data.getString("value"));
    }
}
