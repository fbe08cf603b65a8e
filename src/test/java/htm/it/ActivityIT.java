package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.V1;
import static htm.it.ServiceEndpointsIT.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every path that changes a task — not only the task resource — shows in the activity log and the metrics:
 * claimNext, a job's claim, the deadline timer, a route deciding, Alfresco's endpoint, a deletion.
 */
class ActivityIT extends HtmServer {

    private static final String ALFRESCO = "alfresco/api/-default-/public/workflow/versions/1/tasks/";
    private static final String ACTION_TIME = "htm_task_action_seconds_count";

    @Test
    void claimNextIsLoggedAndCounted() throws Exception {
        try (Api metrics = new Api(root(), null);
                Api alice = new Api(base, ALICE)) {
            String name = "activity-next-" + System.nanoTime();
            String tkiid = alice.create("{\"name\": \"" + name + "\", \"potentialOwners\": {\"users\": [\"alice\"]}}");
            double claims = metric(metrics, "htm_tasks_claimed_total", "");
            double timed = metric(metrics, ACTION_TIME, "action=\"ACTION_CLAIM\"");
            Api.Reply claimed = alice.put(V1 + "task?action=claimNext&name=" + name);
            assertEquals(tkiid, claimed.json().getString("tkiid"), claimed.body());
            assertEquals(claims + 1, metric(metrics, "htm_tasks_claimed_total", ""));
            assertEquals(timed + 1, metric(metrics, ACTION_TIME, "action=\"ACTION_CLAIM\""));
            assertLogged("alice ACTION_CLAIM task " + tkiid + " (STATE_READY -> STATE_CLAIMED)");
        }
    }

    @Test
    void aJobsClaimIsLoggedAndCountedForEachOfItsTasks() throws Exception {
        try (Api metrics = new Api(root(), null);
                Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String job = alice.post(V1 + "jobs", "{\"name\": \"activity-job\"}")
                    .json()
                    .getString("id");
            String first = alice.create("{\"name\": \"activity-job-1\", \"containmentContextID\": \"" + job
                    + "\", \"potentialOwners\": {\"users\": [\"bob\"]}}");
            String second = alice.create("{\"name\": \"activity-job-2\", \"containmentContextID\": \"" + job
                    + "\", \"potentialOwners\": {\"users\": [\"bob\"]}}");
            double claims = metric(metrics, "htm_tasks_claimed_total", "");
            Api.Reply claimed =
                    bob.post("workflow_engine/claimJob", "{\"job_id\": \"" + job + "\", \"user\": \"bob\"}");
            assertEquals(200, claimed.status(), claimed.body());
            assertEquals(claims + 2, metric(metrics, "htm_tasks_claimed_total", ""));
            assertLogged("bob ACTION_CLAIM task " + first + " (STATE_READY -> STATE_CLAIMED)");
            assertLogged("bob ACTION_CLAIM task " + second + " (STATE_READY -> STATE_CLAIMED)");
        }
    }

    @Test
    void theDeadlineTimersExpiryIsLoggedAndTimed() throws Exception {
        try (Api metrics = new Api(root(), null);
                Api alice = new Api(base, ALICE)) {
            double timed = metric(metrics, ACTION_TIME, "action=\"ACTION_EXPIRE\"");
            String tkiid = alice.create("{\"name\": \"activity-expiry\", \"durationUntilExpires\": \"PT1S\", "
                    + "\"potentialOwners\": {\"users\": [\"alice\"]}}");
            String line = "system ACTION_EXPIRE task " + tkiid + " (STATE_READY -> STATE_EXPIRED)";
            awaitServer(HtmServer::serverLog, log -> log.contains(line));
            assertTrue(metric(metrics, ACTION_TIME, "action=\"ACTION_EXPIRE\"") >= timed + 1);
        }
    }

    @Test
    void aRoutesDecisionIsLoggedAndCountedAsACompletion() throws Exception {
        try (Api metrics = new Api(root(), null);
                Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String routed = alice.createReadyTask("activity-route");
            assertEquals(200, alice.act(routed, "claim").status());
            assertEquals(
                    200,
                    alice.put(
                                    V1 + "task/" + routed + "?action=route",
                                    "{\"routingType\": \"Sequential\", " + "\"participants\": {\"users\": [\"bob\"]}}")
                            .status());
            String ballot = alice.get(V1 + "task/" + routed + "/subtasks")
                    .json()
                    .getJsonArray("items")
                    .getJsonObject(0)
                    .getString("tkiid");
            double completions = metric(metrics, "htm_tasks_completed_total", "");
            assertEquals(200, bob.act(ballot, "claim").status());
            assertEquals(
                    200,
                    bob.put(V1 + "task/" + ballot + "?action=complete", "{\"outcome\": \"APPROVE\"}")
                            .status());
            assertEquals("STATE_FINISHED", alice.task(routed).getString("state"));
            assertEquals(completions + 2, metric(metrics, "htm_tasks_completed_total", ""), "the ballot and the task");
            assertLogged("alice ACTION_ROUTE task " + routed + " (STATE_CLAIMED -> STATE_CLAIMED)");
            assertLogged("system ACTION_COMPLETE task " + routed + " (STATE_CLAIMED -> STATE_FINISHED)");
        }
    }

    @Test
    void alfrescosClaimAndCompletionAreLoggedAndCounted() throws Exception {
        try (Api metrics = new Api(root(), null);
                Api alice = new Api(base, ALICE)) {
            String tkiid = alice.createReadyTask("activity-alfresco");
            double completions = metric(metrics, "htm_tasks_completed_total", "");
            assertEquals(
                    200,
                    alice.put(ALFRESCO + tkiid + "?select=state", "{\"state\": \"claimed\"}")
                            .status());
            assertEquals(
                    200,
                    alice.put(ALFRESCO + tkiid + "?select=state", "{\"state\": \"completed\"}")
                            .status());
            assertEquals(completions + 1, metric(metrics, "htm_tasks_completed_total", ""));
            assertLogged("alice ACTION_CLAIM task " + tkiid + " (STATE_READY -> STATE_CLAIMED)");
            assertLogged("alice ACTION_COMPLETE task " + tkiid + " (STATE_CLAIMED -> STATE_FINISHED)");
        }
    }

    @Test
    void aDeletionIsLoggedAndTimed() throws Exception {
        try (Api metrics = new Api(root(), null);
                Api alice = new Api(base, ALICE)) {
            String tkiid = alice.createReadyTask("activity-delete");
            assertEquals(200, alice.act(tkiid, "terminate").status());
            double timed = metric(metrics, ACTION_TIME, "action=\"ACTION_DELETE\"");
            assertEquals(
                    204,
                    Api.Reply.of(alice.request(V1 + "task/" + tkiid).delete()).status());
            assertEquals(timed + 1, metric(metrics, ACTION_TIME, "action=\"ACTION_DELETE\""));
            assertLogged("alice ACTION_DELETE task " + tkiid);
        }
    }

    private static void assertLogged(String line) {
        assertTrue(serverLog().contains(line), "the activity log says: " + line);
    }
}
