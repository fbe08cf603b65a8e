package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.V1;
import static htm.it.ErrorsIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Subtasks hold their parent back; follow-on tasks carry the work on. */
class HierarchyIT extends HtmServer {

    private static final String FOR_BOB = "{\"name\": \"check-stock\", \"potentialOwners\": {\"users\": [\"bob\"]}}";

    @Test
    void theParentWaitsForItsSubtasksBeforeItCanComplete() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String parent = alice.createReadyTask("parent");
            assertError(alice.post(V1 + "task?relation=subTask&parentTaskID=" + parent, FOR_BOB), 409, "HTM0409E");
            alice.act(parent, "claim");
            assertError(bob.post(V1 + "task?relation=subTask&parentTaskID=" + parent, FOR_BOB), 403, "HTM0403E");
            assertError(alice.post(V1 + "task?relation=subTask", FOR_BOB), 400, "HTM0400E");

            Api.Reply created = alice.post(V1 + "task?relation=subTask&parentTaskID=" + parent, FOR_BOB);
            assertEquals(201, created.status(), created.body());
            JsonObject subtask = created.json();
            String sub = subtask.getString("tkiid");
            assertEquals(parent, subtask.getString("parentContextID"));
            assertEquals(parent, subtask.getString("topLevelTaskID"));
            assertEquals("HIERARCHY_POSITION_SUB_TASK", subtask.getString("positionInHierarchy"));
            assertTrue(alice.task(parent).getBoolean("isWaitingForSubTask"));
            assertError(alice.put(V1 + "task/" + parent + "?action=complete", "{}"), 409, "HTM0409E");
            assertEquals(
                    sub,
                    alice.get(V1 + "task/" + parent + "/subtasks")
                            .json()
                            .getJsonArray("items")
                            .getJsonObject(0)
                            .getString("tkiid"));

            bob.act(sub, "claim");
            assertEquals(
                    200,
                    bob.put(V1 + "task/" + sub + "?action=complete", "{\"inStock\": true}")
                            .status());
            assertFalse(alice.task(parent).getBoolean("isWaitingForSubTask"));
            assertEquals(
                    "STATE_FINISHED",
                    alice.put(V1 + "task/" + parent + "?action=complete", "{}")
                            .json()
                            .getString("state"));
        }
    }

    @Test
    void aTaskThatDoesNotSupportSubtasksRefusesThem() {
        try (Api alice = new Api(base, ALICE)) {
            String parent = alice.create("{\"name\": \"solo\", \"supportsSubTasks\": false,"
                    + " \"potentialOwners\": {\"users\": [\"alice\"]}}");
            alice.act(parent, "claim");
            assertError(alice.post(V1 + "task?relation=subTask&parentTaskID=" + parent, FOR_BOB), 409, "HTM0409E");
        }
    }

    @Test
    void completeWithFollowOnTaskForwardsTheWorkAndTheContext() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String first = alice.createReadyTask("first-step");
            alice.act(first, "claim");
            alice.put(V1 + "task/" + first + "/output", "{\"approvedBy\": \"alice\"}");
            JsonObject forwarded = alice.put(
                            V1 + "task/" + first + "?action=completeWithFollowOnTask",
                            "{\"name\": \"second-step\", \"potentialOwners\": {\"users\": [\"bob\"]}}")
                    .json();
            assertEquals("STATE_FORWARDED", forwarded.getString("state"));
            String next = forwarded.getString("followOnTaskID");
            JsonObject followOn = bob.task(next);
            assertEquals("STATE_READY", followOn.getString("state"));
            assertEquals("HIERARCHY_POSITION_FOLLOW_ON_TASK", followOn.getString("positionInHierarchy"));
            assertEquals(first, followOn.getString("topLevelTaskID"));
            assertEquals(
                    "alice",
                    bob.get(V1 + "task/" + next + "/input").json().getString("approvedBy"),
                    "the follow-on task starts from the work done so far");
            assertError(
                    alice.put(V1 + "task/" + first + "?action=completeWithFollowOnTask", "{\"name\": \"again\"}"),
                    409,
                    "HTM0409E");
        }
    }
}
