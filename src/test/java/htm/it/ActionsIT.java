package htm.it;

import static htm.it.Api.ADMIN;
import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.CAROL;
import static htm.it.Api.SAM;
import static htm.it.Api.V1;
import static htm.it.ErrorsIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each action of PUT /task/{tkiid}?action=: its happy path, its 409 and its 403 or 404. */
class ActionsIT extends HtmServer {

    @Test
    void startMovesAnInactiveTaskToReadyOnceAndOnlyForItsOriginator() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            Api.Reply created = alice.post(
                    V1 + "task?mode=createOnly",
                    "{\"name\": \"later\", \"potentialOwners\": {\"groups\": [\"reviewers\"]}, \"durationUntilDue\": \"PT4H\"}");
            String tkiid = created.json().getString("tkiid");
            assertEquals("STATE_INACTIVE", created.json().getString("state"));
            assertEquals(JsonValue.NULL, created.json().get("dueTime"), "due time counts from activation");
            assertError(bob.act(tkiid, "claim"), 409, "HTM0409E");
            assertError(bob.act(tkiid, "start"), 403, "HTM0403E");
            JsonObject started = alice.act(tkiid, "start").json();
            assertEquals("STATE_READY", started.getString("state"));
            assertNotNull(started.getString("dueTime"));
            assertError(alice.act(tkiid, "start"), 409, "HTM0409E");
        }
    }

    @Test
    void completeWithAFaultFailsTheTaskAndOnlyAnAdminRestartsIt() {
        try (Api alice = new Api(base, ALICE);
                Api admin = alice.as(ADMIN)) {
            String tkiid = alice.createReadyTask("fault");
            alice.act(tkiid, "claim");
            Api.Reply failed = alice.put(
                    V1 + "task/" + tkiid + "?action=complete&faultName=Rejected", "{\"reason\": \"over budget\"}");
            assertEquals("STATE_FAILED", failed.json().getString("state"), failed.body());
            Api.Reply fault = alice.get(V1 + "task/" + tkiid + "/fault");
            assertEquals("over budget", fault.json().getString("reason"));
            assertEquals("Rejected", fault.header("X-HTM-Fault-Name"));

            assertError(alice.act(tkiid, "restart"), 403, "HTM0403E");
            JsonObject restarted = admin.act(tkiid, "restart").json();
            assertEquals("STATE_READY", restarted.getString("state"));
            assertEquals(JsonValue.NULL, restarted.get("owner"));
            assertEquals(JsonValue.NULL, restarted.get("completionTime"));
            assertError(admin.act(tkiid, "restart"), 409, "HTM0409E");
        }
    }

    @Test
    void aSuspendedTaskCannotBeClaimedUntilResumedAndSupportMayResumeIt() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api sam = alice.as(SAM)) {
            String tkiid = alice.createReadyTask("suspend");
            assertError(bob.act(tkiid, "suspend"), 403, "HTM0403E");
            assertTrue(alice.act(tkiid, "suspend").json().getBoolean("isSuspended"));
            assertError(bob.act(tkiid, "claim"), 409, "HTM0409E");
            assertError(alice.act(tkiid, "suspend"), 409, "HTM0409E");
            JsonObject resumed = sam.act(tkiid, "resume").json();
            assertFalse(resumed.getBoolean("isSuspended"));
            assertEquals(200, bob.act(tkiid, "claim").status());
        }
    }

    @Test
    void aSuspensionWithADurationEndsByItself() throws InterruptedException {
        try (Api alice = new Api(base, ALICE)) {
            String tkiid = alice.createReadyTask("short-break");
            JsonObject suspended = alice.act(tkiid, "suspend&duration=PT1S").json();
            assertTrue(suspended.getBoolean("isSuspended"));
            assertNotNull(suspended.getString("resumptionTime"));
            boolean resumed = awaitServer(() -> !alice.task(tkiid).getBoolean("isSuspended"), Boolean::booleanValue);
            assertTrue(resumed, "resumed by the server");
            List<String> history = alice.historyActions(tkiid);
            assertEquals("ACTION_RESUME", history.get(history.size() - 1));
            assertEquals(
                    "system",
                    alice.get(V1 + "task/" + tkiid + "/history")
                            .json()
                            .getJsonArray("items")
                            .getJsonObject(history.size() - 1)
                            .getString("principal"));
        }
    }

    @Test
    void aTaskStillOpenAtItsExpirationTimeExpires() throws InterruptedException {
        try (Api alice = new Api(base, ALICE)) {
            String tkiid = alice.create("{\"name\": \"short-lived\", \"durationUntilExpires\": \"PT1S\", "
                    + "\"potentialOwners\": {\"users\": [\"alice\"]}}");
            assertNotNull(alice.task(tkiid).getString("expirationTime"));
            String state = awaitServer(() -> alice.task(tkiid).getString("state"), "STATE_EXPIRED"::equals);
            assertEquals("STATE_EXPIRED", state);
            List<String> history = alice.historyActions(tkiid);
            assertEquals("ACTION_EXPIRE", history.get(history.size() - 1));
            assertError(alice.act(tkiid, "claim"), 409, "HTM0409E");
        }
    }

    @Test
    void anEndedTaskIsDeletedDurationUntilDeletedLaterAsItsAutoDeletionModeSays() throws InterruptedException {
        try (Api alice = new Api(base, ALICE)) {
            String onAnyEnd = alice.create("{\"name\": \"ephemeral\", \"durationUntilDeleted\": \"PT1S\", "
                    + "\"potentialOwners\": {\"users\": [\"alice\"]}}");
            String onSuccess = alice.create("{\"name\": \"kept-when-failed\", \"durationUntilDeleted\": \"PT1S\", "
                    + "\"autoDeletionMode\": \"AUTO_DELETE_ON_SUCCESSFUL_COMPLETION\", "
                    + "\"potentialOwners\": {\"users\": [\"alice\"]}}");
            assertEquals("AUTO_DELETE_ON_COMPLETION", alice.task(onAnyEnd).getString("autoDeletionMode"));
            assertTrue(alice.task(onAnyEnd).isNull("deletionTime"), "no deletion time while the task is open");
            alice.act(onAnyEnd, "claim");
            assertNotNull(alice.act(onAnyEnd, "complete").json().getString("deletionTime"));
            alice.act(onSuccess, "claim");
            JsonObject failed = alice.put(
                            V1 + "task/" + onSuccess + "?action=complete&faultName=Rejected", "{\"why\": \"no\"}")
                    .json();
            assertEquals("STATE_FAILED", failed.getString("state"));
            assertTrue(failed.isNull("deletionTime"), "a failed task stays when only successful ones are deleted");

            int status = awaitServer(() -> alice.get(V1 + "task/" + onAnyEnd).status(), answer -> answer != 200);
            assertEquals(404, status, "deleted by the server");
            assertEquals(200, alice.get(V1 + "task/" + onSuccess).status());
        }
    }

    @Test
    void aTimeOrDurationBeyondWhatDeadlinesCanCountIsA400NamingIt() {
        try (Api alice = new Api(base, ALICE)) {
            Api.Reply refused = alice.post(
                    V1 + "task",
                    "{\"name\": \"p\", \"durationUntilExpires\": \"PT1S\", \"durationUntilDeleted\": \"P999997999Y\"}");
            assertError(refused, 400, "HTM0400E");
            assertTrue(refused.json().getString("errorMessage").contains("durationUntilDeleted"), refused.body());
            assertError(
                    alice.post(V1 + "task", "{\"name\": \"p\", \"dueTime\": \"+99999-01-01T00:00:00Z\"}"),
                    400,
                    "HTM0400E");
            String tkiid = alice.createReadyTask("far-off");
            assertError(alice.act(tkiid, "suspend&duration=P999999999Y"), 400, "HTM0400E");
            assertError(alice.act(tkiid, "suspend&deadline=%2B1000000000-01-01T00:00:00Z"), 400, "HTM0400E");
            assertError(
                    alice.put(
                            V1 + "task/" + tkiid + "?action=update",
                            "{\"expirationTime\": \"+999999999-12-31T23:59:59Z\"}"),
                    400,
                    "HTM0400E");
        }
    }

    /** A task whose deadline cannot be met (a row left by an older HTM, say) holds up no other task's. */
    @Test
    void aDeadlineThatFailsHoldsUpNoOther() throws Exception {
        try (Api alice = new Api(base, ALICE);
                Api anonymous = new Api(root(), null)) {
            String broken = alice.create("{\"name\": \"broken-deadline\", \"durationUntilExpires\": \"P1D\", "
                    + "\"durationUntilDeleted\": \"P1D\", \"potentialOwners\": {\"users\": [\"alice\"]}}");
            assertEquals(
                    1,
                    Database.update(
                            "update task set duration_until_deleted = 'P999997999Y', "
                                    + "expiration_time = ? where tkiid = ?",
                            Timestamp.from(Instant.now().minusSeconds(60)),
                            broken));
            try {
                String other = alice.createReadyTask("meets-its-deadline");
                alice.act(other, "suspend&duration=PT1S");
                boolean resumed =
                        awaitServer(() -> !alice.task(other).getBoolean("isSuspended"), Boolean::booleanValue);
                assertTrue(resumed, "the other task resumed");
                assertEquals("STATE_READY", alice.task(broken).getString("state"), "the broken task is left as it was");
                // the same sweep may meet the other task first, so the failure can be logged a moment later
                String failure = "Cannot expire task " + broken;
                assertTrue(
                        awaitServer(HtmServer::serverLog, log -> log.contains(failure))
                                .contains(failure),
                        "the log names the task that failed");
                assertTrue(ServiceEndpointsIT.metric(anonymous, "htm_deadline_failures_total", "") >= 1);
            } finally {
                Database.update("update task set duration_until_deleted = 'P1D' where tkiid = ?", broken);
            }
        }
    }

    @Test
    void suspensionTimesAreChecked() {
        try (Api alice = new Api(base, ALICE)) {
            String tkiid = alice.createReadyTask("bad-suspend");
            assertError(alice.act(tkiid, "suspend&duration=PT1H&deadline=2099-01-01T00:00:00Z"), 400, "HTM0400E");
            assertError(alice.act(tkiid, "suspend&deadline=2001-01-01T00:00:00Z"), 400, "HTM0400E");
            assertError(alice.act(tkiid, "suspend&duration=soon"), 400, "HTM0400E");
            assertEquals(
                    "2099-01-01T00:00:00.000Z",
                    alice.act(tkiid, "suspend&deadline=2099-01-01T00:00:00Z")
                            .json()
                            .getString("resumptionTime"));
        }
    }

    @Test
    void suspendAndCancelClaimReleasesAndSuspendsAtOnce() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String tkiid = alice.createReadyTask("pause");
            bob.act(tkiid, "claim");
            JsonObject task = bob.act(tkiid, "suspendAndCancelClaim").json();
            assertEquals("STATE_READY", task.getString("state"));
            assertTrue(task.getBoolean("isSuspended"));
            assertEquals(JsonValue.NULL, task.get("owner"));
        }
    }

    @Test
    void theOriginatorTerminatesAndThenDeletesATask() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String tkiid = alice.createReadyTask("terminate");
            assertError(Api.Reply.of(alice.request(V1 + "task/" + tkiid).delete()), 409, "HTM0409E");
            assertError(bob.act(tkiid, "terminate"), 403, "HTM0403E");
            JsonObject terminated = alice.act(tkiid, "terminate").json();
            assertEquals("STATE_TERMINATED", terminated.getString("state"));
            assertError(alice.act(tkiid, "terminate"), 409, "HTM0409E");
            assertError(Api.Reply.of(bob.request(V1 + "task/" + tkiid).delete()), 403, "HTM0403E");
            assertError(
                    Api.Reply.of(alice.request(V1 + "task/" + tkiid)
                            .header("If-Match", "\"0\"")
                            .delete()),
                    412,
                    "HTM0412E");
            assertEquals(
                    204,
                    Api.Reply.of(alice.request(V1 + "task/" + tkiid).delete()).status());
            assertError(alice.get(V1 + "task/" + tkiid), 404, "HTM0404E");
        }
    }

    @Test
    void theDelegateWorksTheTaskAndResolvesItBackToTheOwner() {
        try (Api alice = new Api(base, ALICE);
                Api carol = alice.as(CAROL)) {
            String tkiid = alice.createReadyTask("delegate");
            assertError(carol.get(V1 + "task/" + tkiid), 404, "HTM0404E");
            alice.act(tkiid, "claim");
            assertError(alice.act(tkiid, "delegate"), 400, "HTM0400E");
            assertEquals(200, alice.act(tkiid, "delegate&toUser=carol").status());
            assertEquals(200, carol.get(V1 + "task/" + tkiid).status(), "the delegate sees the task");
            assertEquals(
                    200,
                    carol.put(V1 + "task/" + tkiid + "/output", "{\"checked\": true}")
                            .status());
            assertError(carol.put(V1 + "task/" + tkiid + "?action=complete", "{}"), 409, "HTM0409E");
            assertError(alice.put(V1 + "task/" + tkiid + "?action=complete", "{}"), 409, "HTM0409E");
            assertError(alice.act(tkiid, "cancelClaim"), 409, "HTM0409E");
            assertEquals(200, carol.act(tkiid, "resolve").status());
            assertError(carol.act(tkiid, "resolve"), 404, "HTM0404E");
            assertError(alice.act(tkiid, "resolve"), 409, "HTM0409E");
            JsonObject done = alice.act(tkiid, "complete").json();
            assertEquals("STATE_FINISHED", done.getString("state"));
            assertEquals(ALICE, done.getString("owner"));
            assertTrue(alice.get(V1 + "task/" + tkiid + "/output").json().getBoolean("checked"));
        }
    }

    @Test
    void cancelClaimDropsTheDraftUnlessKeepTaskData() {
        try (Api alice = new Api(base, ALICE)) {
            String tkiid = alice.createReadyTask("draft");
            alice.act(tkiid, "claim");
            alice.put(V1 + "task/" + tkiid + "/output", "{\"draft\": 1}");
            alice.act(tkiid, "cancelClaim&keepTaskData=true");
            assertEquals(1, alice.get(V1 + "task/" + tkiid + "/output").json().getInt("draft"));
            alice.act(tkiid, "claim");
            alice.act(tkiid, "cancelClaim");
            assertEquals(204, alice.get(V1 + "task/" + tkiid + "/output").status());
            assertError(alice.act(tkiid, "cancelClaim&keepTaskData=maybe"), 400, "HTM0400E");
        }
    }

    @Test
    void updateChangesPriorityDueTimeAndCustomPropertiesAndWritesHistory() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String tkiid =
                    alice.create("{\"name\": \"update\", \"customProperties\": {\"region\": \"EU\", \"x\": \"1\"},"
                            + " \"potentialOwners\": {\"groups\": [\"reviewers\"]}}");
            JsonObject updated =
                    alice.put(V1 + "task/" + tkiid + "?action=update", """
                    {"priority": 1, "dueTime": "2030-01-01T00:00:00Z", "description": "now urgent",
                     "customProperties": {"region": "US", "x": null}}""").json();
            assertEquals(1, updated.getInt("priority"));
            assertEquals("2030-01-01T00:00:00.000Z", updated.getString("dueTime"));
            assertEquals("now urgent", updated.getString("description"));
            assertEquals(
                    Json.createObjectBuilder().add("region", "US").build(), updated.getJsonObject("customProperties"));
            List<String> history = alice.historyActions(tkiid);
            assertEquals("ACTION_UPDATE", history.get(history.size() - 1));
            assertError(bob.put(V1 + "task/" + tkiid + "?action=update", "{\"priority\": 0}"), 403, "HTM0403E");
            assertError(alice.put(V1 + "task/" + tkiid + "?action=update", "{\"priority\": \"top\"}"), 400, "HTM0400E");
            alice.act(tkiid, "terminate");
            assertError(alice.put(V1 + "task/" + tkiid + "?action=update", "{\"priority\": 2}"), 409, "HTM0409E");
        }
    }

    @Test
    void actionsListsWhatTheCallerMayDoNow() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api carol = alice.as(CAROL)) {
            String tkiid = alice.createReadyTask("actions");
            JsonObject forBob = bob.get(V1 + "task/actions?taskIDs=" + tkiid + ",unknown-task")
                    .json();
            List<String> bobs = actions(forBob, 0);
            assertTrue(bobs.contains("ACTION_CLAIM"), bobs.toString());
            assertFalse(bobs.contains("ACTION_COMPLETE"));
            assertFalse(bobs.contains("ACTION_TERMINATE"), "only the originator terminates");
            assertEquals(List.of(), actions(forBob, 1));
            assertTrue(actions(alice.get(V1 + "task/actions?taskIDs=" + tkiid).json(), 0)
                    .contains("ACTION_TERMINATE"));
            assertEquals(
                    List.of(),
                    actions(carol.get(V1 + "task/actions?taskIDs=" + tkiid).json(), 0),
                    "nothing, and no hint, for a caller who cannot see the task");
            bob.act(tkiid, "claim");
            assertTrue(actions(bob.get(V1 + "task/actions?taskIDs=" + tkiid).json(), 0)
                    .contains("ACTION_COMPLETE"));
            assertError(bob.get(V1 + "task/actions"), 400, "HTM0400E");
        }
    }

    private static List<String> actions(JsonObject reply, int index) {
        return reply.getJsonArray("items").getJsonObject(index).getJsonArray("actions").stream()
                .map(v -> ((JsonString) v).getString())
                .toList();
    }
}
