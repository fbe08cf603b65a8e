package htm.it;

import static htm.it.Api.ADMIN;
import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.CAROL;
import static htm.it.Api.V1;
import static htm.it.ErrorsIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ad hoc routes: the owner hands the decision to participants, on the HTM API and as Oracle's ADHOC_ROUTE. */
class RoutingIT extends HtmServer {

    private static final String ORACLE = "bpm/api/4.0/tasks/";
    private static final String THREE_VOTERS = "\"participants\": {\"users\": [\"alice\", \"bob\", \"carol\"]}";

    @Test
    void aParallelRouteIsDecidedOnceEnoughVotersAgree() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api carol = alice.as(CAROL)) {
            String tkiid = claimedBy(alice, "parallel-met");
            JsonObject routed = alice.put(
                            V1 + "task/" + tkiid + "?action=route",
                            "{\"routingType\": \"Parallel\", " + THREE_VOTERS
                                    + ", \"votersPercentage\": 60, \"defaultActionForGroupVote\": \"REJECT\"}")
                    .json();
            assertEquals("STATE_CLAIMED", routed.getString("state"));
            assertTrue(routed.getBoolean("isWaitingForSubTask"));
            assertEquals(
                    3,
                    alice.get(V1 + "task/" + tkiid + "/subtasks")
                            .json()
                            .getJsonArray("items")
                            .size());

            vote(bob, tkiid, "APPROVE");
            assertEquals("STATE_CLAIMED", alice.task(tkiid).getString("state"), "one of three is not 60 %");
            vote(carol, tkiid, "APPROVE");
            JsonObject decided = alice.task(tkiid);
            assertEquals("STATE_FINISHED", decided.getString("state"), "two of three are");
            JsonObject output = alice.get(V1 + "task/" + tkiid + "/output").json();
            assertEquals("APPROVE", output.getString("outcome"));
            assertEquals(2, output.getJsonObject("votes").getInt("APPROVE"));
            assertEquals(
                    List.of("STATE_FINISHED", "STATE_FINISHED", "STATE_TERMINATED"),
                    subtaskStates(alice, tkiid),
                    "alice's own ballot is no longer needed");
        }
    }

    @Test
    void aParallelRouteWithoutEnoughAgreementTakesTheDefault() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api carol = alice.as(CAROL)) {
            String tkiid = claimedBy(alice, "parallel-not-met");
            alice.put(
                    V1 + "task/" + tkiid + "?action=route",
                    "{\"routingType\": \"Parallel\", " + THREE_VOTERS
                            + ", \"votersPercentage\": 100, \"defaultActionForGroupVote\": \"REJECT\"}");
            vote(bob, tkiid, "APPROVE");
            vote(carol, tkiid, "REJECT");
            assertEquals("STATE_CLAIMED", alice.task(tkiid).getString("state"));
            vote(alice, tkiid, "APPROVE");
            JsonObject output = alice.get(V1 + "task/" + tkiid + "/output").json();
            assertEquals("REJECT", output.getString("outcome"), "100 % not reached: the default");
            assertEquals(2, output.getJsonObject("votes").getInt("APPROVE"));
            assertEquals(1, output.getJsonObject("votes").getInt("REJECT"));
        }
    }

    @Test
    void aSequentialRouteAsksOneAfterAnotherAndStopsAtARejection() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api carol = alice.as(CAROL)) {
            String approved = claimedBy(alice, "sequential");
            alice.put(
                    V1 + "task/" + approved + "?action=route",
                    "{\"routingType\": \"Sequential\", " + "\"participants\": {\"users\": [\"bob\", \"carol\"]}}");
            assertEquals(1, subtaskStates(alice, approved).size(), "bob first, alone");
            assertTrue(
                    carol.get(V1 + "tasks?parentTaskID=" + approved + "&potentialOwner=me")
                            .json()
                            .getJsonArray("items")
                            .isEmpty(),
                    "carol waits for her turn");
            vote(bob, approved, "APPROVE");
            assertEquals(List.of("STATE_FINISHED", "STATE_READY"), subtaskStates(alice, approved), "then carol");
            assertError(bob.put(V1 + "task/" + approved + "?action=skipCurrentAssignment"), 403, "HTM0403E");
            assertEquals(
                    200,
                    alice.put(V1 + "task/" + approved + "?action=skipCurrentAssignment")
                            .status());
            assertEquals(
                    "APPROVE",
                    alice.get(V1 + "task/" + approved + "/output").json().getString("outcome"),
                    "carol passed over, everyone asked approved");
            assertEquals(List.of("STATE_FINISHED", "STATE_TERMINATED"), subtaskStates(alice, approved));

            String rejected = claimedBy(alice, "sequential-rejected");
            alice.put(
                    V1 + "task/" + rejected + "?action=route",
                    "{\"routingType\": \"Sequential\", " + "\"participants\": {\"users\": [\"bob\", \"carol\"]}}");
            vote(bob, rejected, "REJECT");
            assertEquals(
                    "REJECT",
                    alice.get(V1 + "task/" + rejected + "/output").json().getString("outcome"));
            assertEquals(1, subtaskStates(alice, rejected).size(), "carol is never asked");
        }
    }

    @Test
    void onlyTheOwnerRoutesAClaimedTaskOnceWithAWellFormedRoute() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String ready = alice.createReadyTask("not-claimed");
            String route = "{\"routingType\": \"Simple\", \"participants\": {\"users\": [\"bob\"]}}";
            assertError(alice.put(V1 + "task/" + ready + "?action=route", route), 409, "HTM0409E");
            String tkiid = claimedBy(alice, "route-rules");
            assertError(bob.put(V1 + "task/" + tkiid + "?action=route", route), 403, "HTM0403E");
            assertError(
                    alice.put(
                            V1 + "task/" + tkiid + "?action=route",
                            "{\"routingType\": \"Simple\", " + "\"participants\": {\"users\": [\"bob\", \"carol\"]}}"),
                    400,
                    "HTM0400E");
            assertError(
                    alice.put(
                            V1 + "task/" + tkiid + "?action=route",
                            "{\"routingType\": \"Circular\", " + "\"participants\": {\"users\": [\"bob\"]}}"),
                    400,
                    "HTM0400E");
            assertError(
                    alice.put(V1 + "task/" + tkiid + "?action=route", "{\"routingType\": \"Parallel\"}"),
                    400,
                    "HTM0400E");
            assertError(
                    alice.put(
                            V1 + "task/" + tkiid + "?action=route",
                            "{\"routingType\": \"Parallel\", " + THREE_VOTERS + ", \"votersPercentage\": 101}"),
                    400,
                    "HTM0400E");
            assertError(alice.put(V1 + "task/" + tkiid + "?action=skipCurrentAssignment"), 409, "HTM0409E");
            assertEquals(
                    200,
                    alice.put(V1 + "task/" + tkiid + "?action=route", route).status());
            assertError(alice.put(V1 + "task/" + tkiid + "?action=route", route), 409, "HTM0409E");
            assertError(alice.put(V1 + "task/" + tkiid + "?action=complete", "{}"), 409, "HTM0409E");
            vote(bob, tkiid, "REJECT");
            assertEquals(
                    "REJECT", alice.get(V1 + "task/" + tkiid + "/output").json().getString("outcome"));
        }
    }

    @Test
    void oracleAdhocRouteReplaysTheSeedsPayloadAndVotesWithOutcomes() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api carol = alice.as(CAROL)) {
            String tkiid = alice.createReadyTask("oracle-route");
            Api.Reply routed = alice.put(
                    ORACLE + tkiid,
                    "{\"action\": {\"id\": \"ADHOC_ROUTE\"}, "
                            + "\"comment\": {\"commentStr\": \"please vote\"}, \"routingType\": \"Parallel\", "
                            + "\"votersPercentage\": 50, \"defaultActionForGroupVote\": \"REJECT\", \"routingAction\": \"APPROVE\", "
                            + "\"identities\": [{\"id\": \"alice\", \"type\": \"user\"}, {\"id\": \"bob\", \"type\": \"user\"}, "
                            + "{\"id\": \"carol\", \"type\": \"user\"}]}");
            assertEquals(200, routed.status(), routed.body());
            assertEquals("task", routed.json().getString("kind"));
            assertEquals("working", routed.json().getJsonObject("status").getString("state"));

            assertEquals(
                    "completed",
                    bob.put(ORACLE + subtaskFor(bob, tkiid), "{\"action\": {\"id\": \"APPROVE\"}}")
                            .json()
                            .getJsonObject("status")
                            .getString("state"));
            carol.put(ORACLE + subtaskFor(carol, tkiid), "{\"action\": {\"id\": \"REJECT\"}}");
            assertEquals("STATE_CLAIMED", alice.task(tkiid).getString("state"), "one each: 50 % is two of three");
            alice.put(ORACLE + subtaskFor(alice, tkiid), "{\"action\": {\"id\": \"APPROVE\"}}");
            assertEquals(
                    "APPROVE",
                    alice.get(V1 + "task/" + tkiid + "/output").json().getString("outcome"));
            assertEquals(
                    "please vote",
                    alice.get(V1 + "task/" + tkiid + "/comments")
                            .json()
                            .getJsonArray("items")
                            .getJsonObject(0)
                            .getString("text"));
        }
    }

    @Test
    void oracleSkipsTheCurrentAssignmentAndEscalatesToTheEscalationReceivers() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api admin = alice.as(ADMIN)) {
            String tkiid = claimedBy(alice, "oracle-skip");
            alice.put(
                    ORACLE + tkiid,
                    "{\"action\": {\"id\": \"ADHOC_ROUTE\"}, \"routingType\": \"Sequential\", "
                            + "\"assignees\": [\"bob\", \"carol\"]}");
            alice.put(ORACLE + tkiid, "{\"action\": {\"id\": \"SKIP_CURRENT_ASSIGNMENT\"}}");
            assertEquals(List.of("STATE_READY", "STATE_TERMINATED"), subtaskStates(alice, tkiid), "bob passed over");
            assertError(
                    bob.put(ORACLE + tkiid, "{\"action\": {\"id\": \"SKIP_CURRENT_ASSIGNMENT\"}}"), 403, "HTM0403E");

            String escalated = alice.create("{\"name\": \"oracle-escalate\", \"potentialOwners\": {\"users\": "
                    + "[\"bob\"]}, \"escalationReceivers\": {\"groups\": [\"managers\"]}}");
            bob.put(ORACLE + escalated, "{\"action\": {\"id\": \"ACQUIRE\"}}");
            JsonObject answer = bob.put(ORACLE + escalated, "{\"action\": {\"id\": \"ESCALATE\"}}")
                    .json();
            assertEquals("submitted", answer.getJsonObject("status").getString("state"), "back to be claimed");
            assertTrue(admin.task(escalated).getBoolean("isEscalated"));
            assertEquals(
                    List.of("managers"),
                    admin
                            .get(V1 + "task/" + escalated + "/role/potentialOwner")
                            .json()
                            .getJsonArray("groups")
                            .getValuesAs(JsonString.class)
                            .stream()
                            .map(JsonString::getString)
                            .toList());
            String plain = alice.createReadyTask("no-receivers");
            assertError(alice.put(ORACLE + plain, "{\"action\": {\"id\": \"ESCALATE\"}}"), 409, "HTM0409E");
        }
    }

    private static String claimedBy(Api owner, String name) {
        String tkiid = owner.createReadyTask(name);
        assertEquals(200, owner.act(tkiid, "claim").status());
        return tkiid;
    }

    /** The voter claims the subtask that asks them and completes it with the outcome. */
    private static void vote(Api voter, String parent, String outcome) {
        String subtask = subtaskFor(voter, parent);
        assertEquals(200, voter.act(subtask, "claim").status());
        Api.Reply voted = voter.put(V1 + "task/" + subtask + "?action=complete", "{\"outcome\": \"" + outcome + "\"}");
        assertEquals(200, voted.status(), voted.body());
    }

    private static String subtaskFor(Api voter, String parent) {
        JsonArray mine = voter.get(V1 + "tasks?parentTaskID=" + parent + "&potentialOwner=me&state=STATE_READY")
                .json()
                .getJsonArray("items");
        assertEquals(1, mine.size(), mine.toString());
        return mine.getJsonObject(0).getString("tkiid");
    }

    private static List<String> subtaskStates(Api owner, String parent) {
        return owner.get(V1 + "task/" + parent + "/subtasks").json().getJsonArray("items").stream()
                .map(t -> t.asJsonObject().getString("state"))
                .sorted()
                .toList();
    }
}
