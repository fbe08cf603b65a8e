package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.CAROL;
import static htm.it.Api.DAVE;
import static htm.it.Api.ERIN;
import static htm.it.Api.V1;
import static htm.it.ErrorsIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Task templates give tasks their defaults and an escalation chain, which fires when the task is overdue. */
class TemplatesAndEscalationsIT extends HtmServer {

    @Test
    void engineeringDefinesTemplatesEveryoneReadsThemAndTasksTakeTheirDefaults() {
        try (Api erin = new Api(base, ERIN);
                Api alice = erin.as(ALICE);
                Api dave = erin.as(DAVE)) {
            String template = "{\"name\": \"approve-order\", \"namespace\": \"sales\", \"priority\": 7, "
                    + "\"description\": \"Approve the order\", \"durationUntilDue\": \"PT4H\", "
                    + "\"potentialOwners\": {\"users\": [\"alice\"]}, "
                    + "\"escalations\": [{\"name\": \"remind\", \"after\": \"PT1H\"}]}";
            assertError(alice.post(V1 + "taskTemplates", template), 403, "HTM0403E");
            assertError(erin.post(V1 + "taskTemplates", "{\"priority\": 1}"), 400, "HTM0400E");
            assertError(
                    erin.post(
                            V1 + "taskTemplates",
                            "{\"name\": \"t\", \"escalations\": [{\"name\": \"e\", " + "\"after\": \"soon\"}]}"),
                    400,
                    "HTM0400E");
            assertError(
                    erin.post(
                            V1 + "taskTemplates",
                            "{\"name\": \"t\", \"escalations\": [{\"name\": \"e\", "
                                    + "\"after\": \"PT1H\", \"sendPigeon\": true}]}"),
                    400,
                    "HTM0400E");

            Api.Reply created = erin.post(V1 + "taskTemplates", template);
            assertEquals(201, created.status(), created.body());
            String tktid = created.json().getString("tktid");
            assertTrue(created.header("Location").endsWith("/rest/bpm/htm/v1/taskTemplate/" + tktid));
            assertEquals("erin", created.json().getString("createdBy"));
            assertEquals(7, created.json().getJsonObject("defaults").getInt("priority"));
            assertEquals(
                    "remind",
                    created.json().getJsonArray("escalations").getJsonObject(0).getString("name"));

            assertEquals(
                    "approve-order",
                    dave.get(V1 + "taskTemplate/" + tktid).json().getString("name"));
            assertTrue(dave.get(V1 + "taskTemplates").json().getJsonArray("items").stream()
                    .anyMatch(t -> t.asJsonObject().getString("tktid").equals(tktid)));
            assertError(dave.get(V1 + "taskTemplate/no-such-template"), 404, "HTM0404E");

            Api.Reply task = alice.post(V1 + "task?taskTemplateID=" + tktid, "{\"description\": \"Order 42\"}");
            assertEquals(201, task.status(), task.body());
            JsonObject made = task.json();
            assertEquals("approve-order", made.getString("name"));
            assertEquals("Order 42", made.getString("description"), "the request's fields win");
            assertEquals(7, made.getInt("priority"));
            assertEquals(tktid, made.getString("taskTemplateID"));
            assertEquals("approve-order", made.getString("taskTemplateName"));
            assertFalse(made.getBoolean("isOverdue"));
            assertEquals(200, alice.act(made.getString("tkiid"), "claim").status(), "alice, from the template");
            assertError(alice.post(V1 + "task?taskTemplateID=nope", "{}"), 404, "HTM0404E");
        }
    }

    @Test
    void anOverdueTaskEscalatesAlongItsChain() throws InterruptedException {
        try (Api erin = new Api(base, ERIN);
                Api alice = erin.as(ALICE);
                Api carol = erin.as(CAROL)) {
            String tktid = erin.post(
                            V1 + "taskTemplates",
                            "{\"name\": \"urgent\", \"priority\": 9, "
                                    + "\"durationUntilDue\": \"PT1S\", \"potentialOwners\": {\"users\": [\"alice\"]}, "
                                    + "\"escalations\": ["
                                    + "{\"name\": \"remind\", \"after\": \"PT1S\", \"whenStillIn\": \"STATE_CLAIMED\", "
                                    + "\"raisePriorityTo\": 1, \"escalationReceivers\": {\"users\": [\"carol\"]}, "
                                    + "\"notification\": \"order 42 is late\"}, "
                                    + "{\"name\": \"hand-over\", \"after\": \"PT1S\", \"transferToGroup\": \"managers\"}]}")
                    .json()
                    .getString("tktid");
            String tkiid =
                    alice.post(V1 + "task?taskTemplateID=" + tktid, "{}").json().getString("tkiid");
            alice.act(tkiid, "claim");

            JsonArray chain = awaitChain(alice, tkiid, "ESCALATION_STATE_ESCALATED", "ESCALATION_STATE_ESCALATED");
            assertEquals("system", chain.getJsonObject(0).getString("escalatedBy"));
            assertEquals(
                    List.of("carol"),
                    strings(chain.getJsonObject(0)
                            .getJsonObject("escalationReceivers")
                            .getJsonArray("users")));
            JsonObject task = alice.task(tkiid);
            assertTrue(task.getBoolean("isEscalated"));
            assertTrue(task.getBoolean("isOverdue"));
            assertEquals(1, task.getInt("priority"));
            assertEquals("STATE_READY", task.getString("state"), "handed to the group, the claim is released");
            assertEquals(
                    List.of("managers"),
                    strings(alice.get(V1 + "task/" + tkiid + "/role/potentialOwner")
                            .json()
                            .getJsonArray("groups")));
            assertEquals(200, carol.act(tkiid, "claim").status(), "carol, of managers, takes it over");
            List<String> history = alice.historyActions(tkiid);
            assertEquals(2, history.stream().filter("ACTION_ESCALATE"::equals).count(), history.toString());
        }
    }

    @Test
    void anEscalationLapsesWhenTheTaskMovedOnAndFiresByHandBeforeItsTime() throws InterruptedException {
        try (Api erin = new Api(base, ERIN);
                Api alice = erin.as(ALICE);
                Api bob = erin.as(BOB)) {
            String tktid = erin.post(
                            V1 + "taskTemplates",
                            "{\"name\": \"watched\", \"durationUntilDue\": \"PT1S\", "
                                    + "\"potentialOwners\": {\"users\": [\"alice\"]}, \"escalations\": ["
                                    + "{\"name\": \"unclaimed\", \"after\": \"PT1S\", \"whenStillIn\": \"STATE_READY\"}, "
                                    + "{\"name\": \"much-later\", \"after\": \"P1D\", \"raisePriorityTo\": 0}]}")
                    .json()
                    .getString("tktid");
            String tkiid =
                    alice.post(V1 + "task?taskTemplateID=" + tktid, "{}").json().getString("tkiid");
            alice.act(tkiid, "claim");
            JsonArray chain = awaitChain(alice, tkiid, "ESCALATION_STATE_SUPERFLUOUS", "ESCALATION_STATE_WAITING");
            assertFalse(alice.task(tkiid).getBoolean("isEscalated"), "claimed in time: no escalation");

            String later = chain.getJsonObject(1).getString("esiid");
            assertEquals(tkiid, alice.get(V1 + "escalation/" + later).json().getString("tkiid"));
            assertError(bob.get(V1 + "escalation/" + later), 404, "HTM0404E");
            assertError(bob.put(V1 + "escalation/" + later + "?action=trigger"), 404, "HTM0404E");
            assertError(alice.put(V1 + "escalation/" + later + "?action=explode"), 400, "HTM0400E");
            Api.Reply fired = alice.put(V1 + "escalation/" + later + "?action=trigger");
            assertEquals(200, fired.status(), fired.body());
            assertEquals("ESCALATION_STATE_ESCALATED", fired.json().getString("state"));
            assertEquals("alice", fired.json().getString("escalatedBy"));
            assertEquals(0, alice.task(tkiid).getInt("priority"));
            assertError(alice.put(V1 + "escalation/" + later + "?action=trigger"), 409, "HTM0409E");
            assertError(alice.get(V1 + "escalation/nope"), 404, "HTM0404E");
        }
    }

    /** Awaits the task's escalation chain standing in the given states. */
    private static JsonArray awaitChain(Api api, String tkiid, String... states) throws InterruptedException {
        JsonArray chain = awaitServer(
                () -> api.get(V1 + "task/" + tkiid + "/escalationInfo").json().getJsonArray("items"),
                answer -> strings(answer, "state").equals(List.of(states)));
        assertEquals(List.of(states), strings(chain, "state"));
        return chain;
    }

    private static List<String> strings(JsonArray array, String field) {
        return array.stream().map(v -> v.asJsonObject().getString(field)).toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
