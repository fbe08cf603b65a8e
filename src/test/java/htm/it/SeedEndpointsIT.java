package htm.it;

import static htm.it.Api.ADMIN;
import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.CAROL;
import static htm.it.Api.DAVE;
import static htm.it.Api.SAM;
import static htm.it.Api.V1;
import static htm.it.ErrorsIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed systems' own requests (Itential 000, Alfresco 002) replayed against HTM. */
class SeedEndpointsIT extends HtmServer {

    private static final String ALFRESCO = "alfresco/api/-default-/public/workflow/versions/1/tasks/";

    @Test
    void itentialClaimAnswersTheTaskInItentialsShape() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String tkiid = alice.createReadyTask("TestTask");
            Api.Reply claimed =
                    bob.post("workflow_engine/tasks/claim", "{\"task_id\": \"" + tkiid + "\", \"user\": \"bob\"}");
            assertEquals(200, claimed.status(), claimed.body());
            JsonObject task = claimed.json();
            assertEquals("TestTask", task.getString("name"));
            assertEquals("running", task.getString("status"));
            assertEquals("manual", task.getString("type"));
            assertEquals(BOB, task.getJsonObject("metrics").getString("owner"));
            assertTrue(task.getJsonObject("metrics").getJsonNumber("claim_time").longValue() > 0);
            assertEquals(
                    42,
                    task.getJsonObject("variables").getJsonObject("incoming").getInt("orderId"));
            assertEquals(BOB, alice.task(tkiid).getString("owner"));
            assertError(
                    alice.post("workflow_engine/tasks/claim", "{\"task_id\": \"" + tkiid + "\", \"user\": \"alice\"}"),
                    409,
                    "HTM0409E");
        }
    }

    @Test
    void itentialClaimForSomeoneElseNeedsAdminOrSupport() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api sam = alice.as(SAM);
                Api dave = alice.as(DAVE);
                Api carol = alice.as(CAROL)) {
            String tkiid =
                    alice.create("{\"name\": \"for-dave\", \"potentialOwners\": {\"users\": [\"dave\", \"bob\"]}}");
            assertError(
                    bob.post("workflow_engine/tasks/claim", "{\"task_id\": \"" + tkiid + "\", \"user\": \"dave\"}"),
                    403,
                    "HTM0403E");
            assertError(
                    sam.post("workflow_engine/tasks/claim", "{\"task_id\": \"" + tkiid + "\", \"user\": \"carol\"}"),
                    403,
                    "HTM0403E");
            assertEquals(
                    DAVE,
                    sam.post("workflow_engine/tasks/claim", "{\"task_id\": \"" + tkiid + "\", \"user\": \"dave\"}")
                            .json()
                            .getJsonObject("metrics")
                            .getString("owner"));
            assertError(
                    carol.post("workflow_engine/tasks/claim", "{\"task_id\": \"" + tkiid + "\", \"user\": \"carol\"}"),
                    404,
                    "HTM0404E");
            assertError(dave.post("workflow_engine/tasks/claim", "{\"task_id\": \"" + tkiid + "\"}"), 400, "HTM0400E");
            assertError(dave.post("workflow_engine/tasks/claim", "[]"), 400, "HTM0400E");
            assertError(new Api(base, null).post("workflow_engine/tasks/claim", "{}"), 401, "HTM0401E");
        }
    }

    @Test
    void alfrescoStateTransitionsAsTheSeedShowsThem() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api carol = alice.as(CAROL)) {
            String tkiid = alice.createReadyTask("review");
            JsonObject entry = bob.get(ALFRESCO + tkiid).json().getJsonObject("entry");
            assertEquals(tkiid, entry.getString("id"));
            assertEquals("unclaimed", entry.getString("state"));

            assertEquals(
                    "claimed",
                    bob.put(ALFRESCO + tkiid + "?select=state", "{\"state\": \"claimed\"}")
                            .json()
                            .getJsonObject("entry")
                            .getString("state"));
            assertError(bob.put(ALFRESCO + tkiid + "?select=state", "{\"state\": \"claimed\"}"), 400, "HTM0400E");
            JsonObject delegated = bob.put(
                            ALFRESCO + tkiid + "?select=state,assignee",
                            "{\"state\": \"delegated\", \"assignee\": \"carol\"}")
                    .json()
                    .getJsonObject("entry");
            assertEquals("delegated", delegated.getString("state"));
            assertEquals(BOB, delegated.getString("owner"));
            assertEquals(CAROL, delegated.getString("assignee"));
            assertEquals(
                    "claimed",
                    carol.put(ALFRESCO + tkiid + "?select=state", "{\"state\": \"resolved\"}")
                            .json()
                            .getJsonObject("entry")
                            .getString("state"));

            assertError(
                    bob.put(
                            ALFRESCO + tkiid + "?select=state,variables",
                            "{\"state\": \"unclaimed\", \"variables\": [{\"name\": \"x\", \"value\": 1}]}"),
                    400,
                    "HTM0400E");
            Api.Reply completed = bob.put(ALFRESCO + tkiid + "?select=state,variables", """
                    {"state": "completed", "variables": [
                      {"name": "bpm_priority", "type": "d_int", "value": 1, "scope": "global"}]}""");
            assertEquals("completed", completed.json().getJsonObject("entry").getString("state"), completed.body());
            assertEquals(1, alice.get(V1 + "task/" + tkiid + "/output").json().getInt("bpm_priority"));
            JsonObject ended = completed.json().getJsonObject("entry");
            assertEquals(
                    Duration.between(
                                    Instant.parse(ended.getString("startedAt")),
                                    Instant.parse(ended.getString("endedAt")))
                            .toMillis(),
                    ended.getJsonNumber("durationInMs").longValue(),
                    "from the start to the end of the task");
            assertError(bob.put(ALFRESCO + tkiid + "?select=state", "{\"state\": \"unclaimed\"}"), 400, "HTM0400E");
        }
    }

    @Test
    void alfrescoLetsTheAssigneeTheOwnerTheProcessStarterAndAdministratorsChangeTheTaskAndNobodyElse() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api carol = alice.as(CAROL);
                Api admin = alice.as(ADMIN)) {
            String tkiid = alice.create("{\"name\": \"starter-rule\", \"potentialOwners\": {\"users\": [\"bob\"]}}");
            String claim = "{\"state\": \"claimed\"}";
            String complete = "{\"state\": \"completed\"}";
            assertError(carol.put(ALFRESCO + tkiid + "?select=state", claim), 404, "HTM0404E");
            assertEquals(
                    ALICE,
                    alice.put(ALFRESCO + tkiid + "?select=state", claim)
                            .json()
                            .getJsonObject("entry")
                            .getString("assignee"),
                    "the process starter may claim, though not a candidate");
            assertError(bob.put(ALFRESCO + tkiid + "?select=state", complete), 403, "HTM0403E");
            assertEquals(
                    "unclaimed",
                    alice.put(ALFRESCO + tkiid + "?select=state", "{\"state\": \"unclaimed\"}")
                            .json()
                            .getJsonObject("entry")
                            .getString("state"));
            bob.put(ALFRESCO + tkiid + "?select=state", claim);
            assertError(carol.put(ALFRESCO + tkiid + "?select=state", complete), 404, "HTM0404E");
            assertEquals(
                    "completed",
                    alice.put(ALFRESCO + tkiid + "?select=state", complete)
                            .json()
                            .getJsonObject("entry")
                            .getString("state"),
                    "the starter completes bob's claimed task");
            assertError(
                    alice.put(
                            V1 + "task/"
                                    + alice.create("{\"name\": \"htm-rule\", \"potentialOwners\": "
                                            + "{\"users\": [\"bob\"]}}")
                                    + "?action=claim",
                            "{}"),
                    403,
                    "HTM0403E");

            String other = alice.createReadyTask("admin-rule");
            bob.put(ALFRESCO + other + "?select=state", claim);
            assertEquals(
                    "completed",
                    admin.put(ALFRESCO + other + "?select=state", "{\"state\": \"completed\"}")
                            .json()
                            .getJsonObject("entry")
                            .getString("state"),
                    "administrators may do everything");
        }
    }

    @Test
    void alfrescoSelectLimitsWhatChanges() {
        try (Api alice = new Api(base, ALICE);
                Api admin = alice.as(ADMIN)) {
            String tkiid = alice.createReadyTask("select");
            JsonObject entry = alice.put(
                            ALFRESCO + tkiid + "?select=priority,name",
                            "{\"priority\": 1, \"name\": \"Urgent review\", \"description\": \"not selected\"}")
                    .json()
                    .getJsonObject("entry");
            assertEquals(1, entry.getInt("priority"));
            assertEquals("Urgent review", entry.getString("name"));
            assertEquals(JsonValue.NULL, entry.get("description"));
            assertError(alice.put(ALFRESCO + tkiid, "{\"state\": \"claimed\"}"), 400, "HTM0400E");
            assertError(alice.put(ALFRESCO + tkiid + "?select=colour", "{}"), 400, "HTM0400E");
            assertError(alice.put(ALFRESCO + tkiid + "?select=state", "{\"state\": \"sleeping\"}"), 400, "HTM0400E");
            assertError(alice.get(ALFRESCO + "unknown"), 404, "HTM0404E");
            assertEquals(200, admin.get(ALFRESCO + tkiid).status());
        }
    }

    private static final String ORACLE = "bpm/api/4.0/tasks/";

    private static String action(String id) {
        return "{\"action\": {\"id\": \"" + id + "\"}}";
    }

    @Test
    void aSeedRequestThatFailsChangesNothing() {
        try (Api alice = new Api(base, ALICE);
                Api dave = alice.as(DAVE)) {
            String tkiid = alice.createReadyTask("all-or-nothing");
            assertError(
                    alice.put(
                            ORACLE + tkiid,
                            "{\"action\": {\"id\": \"RESUME\"}, \"priority\": 7, "
                                    + "\"comment\": {\"commentStr\": \"half done\"}}"),
                    409,
                    "HTM0409E");
            assertError(
                    alice.put(
                            ALFRESCO + tkiid + "?select=priority,state", "{\"priority\": 1, \"state\": \"resolved\"}"),
                    400,
                    "HTM0400E");
            JsonObject task = alice.task(tkiid);
            assertEquals(3, task.getInt("priority"), "neither Oracle's nor Alfresco's priority stayed");
            assertEquals(
                    0,
                    alice.get(V1 + "task/" + tkiid + "/comments")
                            .json()
                            .getJsonArray("items")
                            .size());
            assertEquals(List.of("ACTION_CREATE", "ACTION_START"), alice.historyActions(tkiid));

            String daves =
                    alice.create("{\"name\": \"acquire-then-fail\", \"potentialOwners\": {\"users\": [\"dave\"]}}");
            assertError(dave.put(ORACLE + daves, action("APPROVE")), 403, "HTM0403E");
            assertEquals("STATE_READY", alice.task(daves).getString("state"), "Oracle's implicit acquire went too");
        }
    }

    @Test
    void oracleOutcomesCompleteTheTaskAndKeepTheComment() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String tkiid = alice.createReadyTask("approve-order");
            Api.Reply approved = bob.put(
                    ORACLE + tkiid,
                    "{\"action\": {\"id\": \"APPROVE\"}, \"comment\": {\"commentStr\": \"fine by me\"}}");
            assertEquals(200, approved.status(), approved.body());
            JsonObject task = approved.json();
            assertEquals(tkiid, task.getString("id"));
            assertEquals("task", task.getString("kind"));
            assertEquals("completed", task.getJsonObject("status").getString("state"));
            assertTrue(task.getBoolean("final"));
            assertTrue(
                    task.getJsonArray("artifacts").getJsonObject(0).toString().contains("APPROVE"));
            assertEquals(
                    "APPROVE",
                    alice.get(V1 + "task/" + tkiid + "/output").json().getString("outcome"));
            assertEquals(
                    "fine by me",
                    alice.get(V1 + "task/" + tkiid + "/comments")
                            .json()
                            .getJsonArray("items")
                            .getJsonObject(0)
                            .getString("text"));
            assertError(bob.put(ORACLE + tkiid, action("REJECT")), 409, "HTM0409E");
        }
    }

    @Test
    void oracleActionsMapToTheLifecycle() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api admin = alice.as(ADMIN)) {
            String tkiid = alice.createReadyTask("oracle-actions");
            assertEquals(
                    "working",
                    bob.put(ORACLE + tkiid, action("ACQUIRE"))
                            .json()
                            .getJsonObject("status")
                            .getString("state"));
            assertEquals(
                    200,
                    bob.put(ORACLE + tkiid, "{\"action\": {\"id\": \"SAVE\"}, \"payload\": {\"draft\": 1}}")
                            .status());
            assertEquals(1, bob.get(V1 + "task/" + tkiid + "/output").json().getInt("draft"));
            assertEquals(
                    "submitted",
                    bob.put(ORACLE + tkiid, action("RELEASE"))
                            .json()
                            .getJsonObject("status")
                            .getString("state"));
            assertTrue(alice.put(ORACLE + tkiid, action("SUSPEND"))
                    .json()
                    .getJsonObject("metadata")
                    .getBoolean("isSuspended"));
            assertEquals(200, alice.put(ORACLE + tkiid, action("RESUME")).status());
            bob.put(ORACLE + tkiid, action("ACQUIRE"));
            assertEquals(
                    BOB,
                    bob.put(ORACLE + tkiid, "{\"action\": {\"id\": \"DELEGATE\"}, \"assignee\": \"carol\"}")
                            .json()
                            .getJsonObject("metadata")
                            .getString("owner"),
                    "the owner keeps the task");
            assertEquals(CAROL, alice.task(tkiid).getString("delegate"));
            assertEquals(200, bob.put(V1 + "task/" + tkiid + "?action=resolve").status());
            assertEquals(
                    "failed",
                    bob.put(ORACLE + tkiid, "{\"action\": {\"id\": \"ERROR\"}, \"payload\": {\"why\": \"x\"}}")
                            .json()
                            .getJsonObject("status")
                            .getString("state"));

            String pushed = alice.createReadyTask("pushback");
            bob.put(ORACLE + pushed, action("ACQUIRE"));
            assertError(bob.put(ORACLE + pushed, action("PUSHBACK")), 409, "HTM0409E");
            alice.as(SAM).put(V1 + "task/" + pushed + "/role/owner?action=transfer&toUser=alice");
            assertEquals(
                    BOB,
                    alice.put(ORACLE + pushed, action("PUSHBACK"))
                            .json()
                            .getJsonObject("metadata")
                            .getString("owner"),
                    "back to the previous owner");

            String asking = alice.createReadyTask("info");
            bob.put(ORACLE + asking, action("ACQUIRE"));
            assertError(bob.put(ORACLE + asking, action("INFO_REQUEST")), 400, "HTM0400E");
            assertEquals(
                    "input-required",
                    bob.put(ORACLE + asking, "{\"action\": {\"id\": \"INFO_REQUEST\"}, " + "\"assignee\": \"carol\"}")
                            .json()
                            .getJsonObject("status")
                            .getString("state"));
            assertError(bob.put(ORACLE + asking, action("APPROVE")), 409, "HTM0409E");
            Api.Reply submitted = alice.as(CAROL)
                    .put(
                            ORACLE + asking,
                            "{\"action\": {\"id\": \"INFO_SUBMIT\"}, "
                                    + "\"comment\": {\"commentStr\": \"the invoice is attached\"}}");
            assertEquals("working", submitted.json().getJsonObject("status").getString("state"), submitted.body());
            assertEquals(
                    "the invoice is attached",
                    bob.get(V1 + "task/" + asking + "/comments")
                            .json()
                            .getJsonArray("items")
                            .getJsonObject(0)
                            .getString("text"));
            assertEquals(
                    "completed",
                    bob.put(ORACLE + asking, action("APPROVE"))
                            .json()
                            .getJsonObject("status")
                            .getString("state"));

            String other = alice.createReadyTask("withdraw");
            assertError(bob.put(ORACLE + other, action("WITHDRAW")), 403, "HTM0403E");
            assertEquals(
                    "canceled",
                    alice.put(ORACLE + other, action("WITHDRAW"))
                            .json()
                            .getJsonObject("status")
                            .getString("state"));
            assertError(alice.put(ORACLE + other, action("PURGE")), 403, "HTM0403E");
            assertEquals(
                    "Task " + other + " successfully purged",
                    admin.put(ORACLE + other, action("PURGE")).json().getString("title"));
            assertError(alice.get(V1 + "task/" + other), 404, "HTM0404E");

            String third = alice.createReadyTask("reassign");
            assertEquals(
                    ALICE,
                    admin.put(ORACLE + third, "{\"action\": {\"id\": \"REASSIGN\"}, \"assignee\": \"alice\"}")
                            .json()
                            .getJsonObject("metadata")
                            .getString("owner"));
            assertEquals(200, alice.put(ORACLE + third, action("DELETE")).status());
            assertError(alice.get(V1 + "task/" + third), 404, "HTM0404E");
        }
    }

    @Test
    void oracleRejectsWhatItCannotDo() {
        try (Api alice = new Api(base, ALICE)) {
            String tkiid = alice.createReadyTask("oracle-errors");
            assertError(alice.put(ORACLE + tkiid, action("fly away")), 400, "HTM0400E");
            assertError(alice.put(ORACLE + tkiid, "{}"), 400, "HTM0400E");
            assertError(alice.put(ORACLE + tkiid, action("ADHOC_ROUTE")), 400, "HTM0400E");
            assertError(alice.put(ORACLE + "no-such-task", action("ACQUIRE")), 404, "HTM0404E");
            assertError(alice.put(ORACLE + "x".repeat(40), action("ACQUIRE")), 400, "HTM0400E");
            assertError(new Api(base, null).put(ORACLE + tkiid, action("ACQUIRE")), 401, "HTM0401E");
        }
    }

    @Test
    void itentialClaimJobClaimsTheJobAndItsTasks() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api dave = alice.as(DAVE)) {
            Api.Reply created = alice.post(V1 + "jobs", "{\"name\": \"8917Test2\", \"watchers\": [\"carol\"]}");
            assertEquals(201, created.status(), created.body());
            String job = created.json().getString("id");
            assertTrue(job.matches("[0-9a-f]{24}"), job);
            String first = alice.create("{\"name\": \"workflow_start\", \"containmentContextID\": \"" + job
                    + "\", \"potentialOwners\": {\"users\": [\"bob\"]}}");
            String second = alice.create("{\"name\": \"workflow_end\", \"containmentContextID\": \"" + job
                    + "\", \"potentialOwners\": {\"groups\": [\"reviewers\"]}}");

            assertError(
                    dave.post("workflow_engine/claimJob", "{\"job_id\": \"" + job + "\", \"user\": \"bob\"}"),
                    403,
                    "HTM0403E");
            Api.Reply claimed =
                    bob.post("workflow_engine/claimJob", "{\"job_id\": \"" + job + "\", \"user\": \"bob\"}");
            assertEquals(200, claimed.status(), claimed.body());
            JsonObject updated = claimed.json().getJsonObject("updated_job");
            assertEquals(job, updated.getString("_id"));
            assertEquals("8917Test2", updated.getString("name"));
            assertEquals(BOB, updated.getJsonObject("metrics").getString("owner"));
            assertEquals("running", updated.getString("status"));
            assertEquals("carol", updated.getJsonArray("watchers").getString(0));
            assertEquals(
                    "running",
                    updated.getJsonObject("tasks").getJsonObject(first).getString("status"));
            assertEquals(BOB, alice.task(first).getString("owner"));
            assertEquals(BOB, alice.task(second).getString("owner"));
            assertEquals(
                    2,
                    alice.get(V1 + "jobs/" + job).json().getJsonArray("tasks").size());

            assertError(
                    alice.post("workflow_engine/claimJob", "{\"job_id\": \"" + job + "\", \"user\": \"alice\"}"),
                    409,
                    "HTM0409E");
            assertError(
                    bob.post(
                            "workflow_engine/claimJob",
                            "{\"job_id\": \"" + job + "\", \"user\": \"bob\", " + "\"force\": true}"),
                    400,
                    "HTM0400E");
            assertError(
                    bob.post("workflow_engine/claimJob", "{\"job_id\": \"12ab\", \"user\": \"bob\"}"), 400, "HTM0400E");
            assertError(
                    bob.post(
                            "workflow_engine/claimJob",
                            "{\"job_id\": \"5cb7b531d06cceb89fd21b1c\", \"user\": \"bob\"}"),
                    404,
                    "HTM0404E");
            assertError(new Api(base, null).post("workflow_engine/claimJob", "{}"), 401, "HTM0401E");
        }
    }

    @Test
    void aJobTakesTasksFromItsCreatorOnlyAndClaimJobAnswersOnlyWhatTheCallerSees() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api admin = alice.as(ADMIN)) {
            String job = alice.post(V1 + "jobs", "{\"name\": \"private-job\"}")
                    .json()
                    .getString("id");
            String mine = alice.create("{\"name\": \"for-bob\", \"containmentContextID\": \"" + job
                    + "\", \"potentialOwners\": {\"users\": [\"bob\"]}}");
            String hidden = alice.create("{\"name\": \"for-carol\", \"containmentContextID\": \"" + job
                    + "\", \"potentialOwners\": {\"users\": [\"carol\"]}}");
            Api.Reply planted = bob.post(
                    V1 + "task",
                    "{\"name\": \"planted\", \"containmentContextID\": \"" + job
                            + "\", \"potentialOwners\": {\"users\": [\"bob\"]}}");
            assertError(planted, 403, "HTM0403E");
            assertEquals(
                    "User bob may not add tasks to job " + job + ": only its creator or an administrator may.",
                    planted.json().getString("errorMessage"));
            assertEquals(
                    201,
                    bob.post(V1 + "task", "{\"name\": \"elsewhere\", \"containmentContextID\": \"my-process\"}")
                            .status(),
                    "a context that is no job is anyone's");
            assertEquals(
                    201,
                    admin.post(
                                    V1 + "task",
                                    "{\"name\": \"by-admin\", \"containmentContextID\": \"" + job
                                            + "\", \"potentialOwners\": {\"users\": [\"dave\"]}}")
                            .status());

            JsonObject tasks = bob.post("workflow_engine/claimJob", "{\"job_id\": \"" + job + "\", \"user\": \"bob\"}")
                    .json()
                    .getJsonObject("updated_job")
                    .getJsonObject("tasks");
            assertEquals(Set.of(mine), tasks.keySet(), "not " + hidden + " nor the admin's task");
            assertEquals(
                    1, bob.get(V1 + "jobs/" + job).json().getJsonArray("tasks").size());
            assertEquals(
                    2,
                    alice.get(V1 + "jobs/" + job).json().getJsonArray("tasks").size(),
                    "hers, not the admin's");
        }
    }
}
