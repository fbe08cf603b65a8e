package htm.it;

import static htm.it.Api.ADMIN;
import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.CAROL;
import static htm.it.Api.DAVE;
import static htm.it.Api.ERIN;
import static htm.it.Api.SAM;
import static htm.it.Api.V1;
import static htm.it.ErrorsIT.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The people of a task and its data: roles, transfer and assign, messages, comments, binary properties. */
class PeopleAndDataIT extends HtmServer {

    @Test
    void rolesAnswerTheirUsersAndGroups() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String tkiid = alice.createReadyTask("roles");
            assertEquals(people(List.of(ALICE), List.of("reviewers")), role(bob, tkiid, "potentialOwner"));
            assertEquals(people(List.of(), List.of()), role(bob, tkiid, "owner"));
            assertEquals(people(List.of(ALICE), List.of()), role(bob, tkiid, "originator"));
            bob.act(tkiid, "claim");
            assertEquals(people(List.of(BOB), List.of()), role(bob, tkiid, "owner"));
            assertError(bob.get(V1 + "task/" + tkiid + "/role/boss"), 400, "HTM0400E");
        }
    }

    @Test
    void ownershipIsTransferredByTheOwnerOrSupportAndAssignedByAnAdministrator() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api sam = alice.as(SAM);
                Api admin = alice.as(ADMIN);
                Api carol = alice.as(CAROL)) {
            String tkiid = alice.createReadyTask("transfer");
            String owner = V1 + "task/" + tkiid + "/role/owner";
            assertError(admin.put(owner + "?action=transfer&toUser=carol"), 409, "HTM0409E");
            bob.act(tkiid, "claim");
            assertError(alice.put(owner + "?action=transfer&toUser=carol"), 403, "HTM0403E");
            assertError(sam.put(owner + "?action=transfer&toGroup=managers"), 400, "HTM0400E");
            assertError(sam.put(owner + "?action=transfer&fromUser=alice&toUser=carol"), 400, "HTM0400E");
            assertEquals(
                    CAROL,
                    sam.put(owner + "?action=transfer&fromUser=bob&toUser=carol")
                            .json()
                            .getString("owner"));
            assertEquals(
                    200,
                    carol.put(V1 + "task/" + tkiid + "?action=complete", "{}").status());

            String other = alice.createReadyTask("assign");
            assertError(alice.put(V1 + "task/" + other + "/role/owner?action=assign&newUser=dave"), 403, "HTM0403E");
            JsonObject assigned = admin.put(V1 + "task/" + other + "/role/owner?action=assign&newUser=dave")
                    .json();
            assertEquals("STATE_CLAIMED", assigned.getString("state"));
            assertEquals(DAVE, assigned.getString("owner"));
        }
    }

    @Test
    void anExcludedOwnerBecomesOwnerNeitherByTransferNorByAssignmentNorAsProcessStarter() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api sam = alice.as(SAM);
                Api admin = alice.as(ADMIN)) {
            String tkiid = alice.create("""
                    {"name": "excluded", "potentialOwners": {"users": ["bob", "carol"]},
                     "excludedOwners": {"users": ["carol", "alice"]}}""");
            String owner = V1 + "task/" + tkiid + "/role/owner";
            String refusal = "User carol is an excluded owner of task " + tkiid + " and cannot become its owner.";
            Api.Reply assigned = admin.put(owner + "?action=assign&newUser=carol");
            assertError(assigned, 403, "HTM0403E");
            assertEquals(refusal, assigned.json().getString("errorMessage"));
            assertError(
                    alice.put(
                            "alfresco/api/-default-/public/workflow/versions/1/tasks/" + tkiid + "?select=state",
                            "{\"state\": \"claimed\"}"),
                    403,
                    "HTM0403E");
            bob.act(tkiid, "claim");
            Api.Reply transferred = sam.put(owner + "?action=transfer&toUser=carol");
            assertError(transferred, 403, "HTM0403E");
            assertEquals(refusal, transferred.json().getString("errorMessage"));
            assertError(bob.put(owner + "?action=transfer&toUser=alice"), 403, "HTM0403E");
            assertEquals(BOB, bob.get(V1 + "task/" + tkiid).json().getString("owner"), "nothing changed");
            assertEquals(List.of("ACTION_CREATE", "ACTION_START", "ACTION_CLAIM"), bob.historyActions(tkiid));
        }
    }

    @Test
    void peopleListsChangeByTransferAndAssign() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api carol = alice.as(CAROL);
                Api erin = alice.as(ERIN)) {
            String tkiid = alice.createReadyTask("work-items");
            String potential = V1 + "task/" + tkiid + "/role/potentialOwner";
            assertError(bob.put(potential + "?action=transfer&fromUser=alice&toUser=carol"), 403, "HTM0403E");
            assertError(alice.put(potential + "?action=transfer&fromUser=nobody&toUser=carol"), 400, "HTM0400E");
            assertEquals(
                    200,
                    alice.put(potential + "?action=transfer&fromUser=alice&toUser=carol")
                            .status());
            assertEquals(people(List.of(CAROL), List.of("reviewers")), role(alice, tkiid, "potentialOwner"));
            assertEquals(200, carol.act(tkiid, "claim").status(), "carol may claim now");

            assertEquals(
                    200,
                    alice.put(V1 + "task/" + tkiid + "/role/reader?action=assign&newUser=erin")
                            .status());
            assertEquals(people(List.of(ERIN), List.of()), role(erin, tkiid, "reader"));
            assertError(
                    alice.put(V1 + "task/" + tkiid + "/role/originator?action=assign&newUser=bob"), 400, "HTM0400E");
            assertError(alice.put(potential + "?action=promote&newUser=bob"), 400, "HTM0400E");
        }
    }

    @Test
    void inputAndOutputBelongToTheRightPeopleAtTheRightTime() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String tkiid = alice.createReadyTask("messages");
            assertEquals(42, bob.get(V1 + "task/" + tkiid + "/input").json().getInt("orderId"));
            assertError(bob.put(V1 + "task/" + tkiid + "/input", "{\"orderId\": 43}"), 403, "HTM0403E");
            assertEquals(
                    200,
                    alice.put(V1 + "task/" + tkiid + "/input", "{\"orderId\": 43}")
                            .status());
            assertEquals(43, bob.get(V1 + "task/" + tkiid + "/input").json().getInt("orderId"));
            assertError(bob.put(V1 + "task/" + tkiid + "/output", "{\"ok\": true}"), 409, "HTM0409E");
            bob.act(tkiid, "claim");
            assertError(alice.put(V1 + "task/" + tkiid + "/output", "{\"ok\": true}"), 403, "HTM0403E");
            assertError(bob.put(V1 + "task/" + tkiid + "/output", "{\"ok\": "), 400, "HTM0400E");
            assertEquals(
                    200, bob.put(V1 + "task/" + tkiid + "/output", "[1, 2, 3]").status());
            assertEquals("[1,2,3]", bob.get(V1 + "task/" + tkiid + "/output").body());
            assertEquals(
                    200,
                    bob.put(V1 + "task/" + tkiid + "/fault?faultName=Missing", "{\"what\": \"invoice\"}")
                            .status());
            assertEquals("Missing", bob.get(V1 + "task/" + tkiid + "/fault").header("X-HTM-Fault-Name"));
            assertEquals(
                    List.of(
                            "ACTION_CREATE",
                            "ACTION_START",
                            "ACTION_SETINPUT",
                            "ACTION_CLAIM",
                            "ACTION_SETOUTPUT",
                            "ACTION_SETFAULT"),
                    alice.historyActions(tkiid));
        }
    }

    @Test
    void commentsTakeTheirAuthorAndTimeFromTheServer() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api carol = alice.as(CAROL)) {
            String tkiid = alice.createReadyTask("comments");
            Api.Reply posted = bob.post(
                    V1 + "task/" + tkiid + "/comments",
                    "{\"text\": \"looks fine\", \"author\": \"mallory\", \"time\": \"2000-01-01T00:00:00Z\"}");
            assertEquals(201, posted.status(), posted.body());
            assertEquals(BOB, posted.json().getString("author"));
            assertTrue(posted.json().getString("time").startsWith("20"));
            assertTrue(!posted.json().getString("time").startsWith("2000"));
            alice.post(V1 + "task/" + tkiid + "/comments", "{\"text\": \"thanks\"}");
            JsonObject comments = alice.get(V1 + "task/" + tkiid + "/comments").json();
            assertEquals(
                    List.of("looks fine", "thanks"),
                    comments.getJsonArray("items").stream()
                            .map(c -> c.asJsonObject().getString("text"))
                            .toList());
            assertError(bob.post(V1 + "task/" + tkiid + "/comments", "{\"text\": \"\"}"), 400, "HTM0400E");
            assertError(
                    bob.post(V1 + "task/" + tkiid + "/comments", "{\"text\": \"" + "x".repeat(5000) + "\"}"),
                    400,
                    "HTM0400E");
            assertError(carol.post(V1 + "task/" + tkiid + "/comments", "{\"text\": \"hi\"}"), 404, "HTM0404E");
            assertError(carol.get(V1 + "task/" + tkiid + "/comments"), 404, "HTM0404E");
        }
    }

    @Test
    void binaryCustomPropertiesKeepTheirBytesAndMediaTypeUpToALimit() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String tkiid = alice.createReadyTask("binary");
            String scan = V1 + "task/" + tkiid + "/binaryCustomProperty/scan";
            byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
            Api.Reply stored = Api.Reply.of(alice.request(scan).put(Entity.entity(bytes, "image/png")));
            assertEquals(200, stored.status(), stored.body());
            assertEquals(
                    "image/png",
                    stored.json()
                            .getJsonObject("binaryCustomPropertiesMetadata")
                            .getString("scan"));
            try (Response read = bob.request(scan).get()) {
                assertEquals(200, read.getStatus());
                assertEquals("image/png", read.getMediaType().toString());
                assertArrayEquals(bytes, read.readEntity(byte[].class));
            }
            assertError(
                    Api.Reply.of(alice.request(scan)
                            .put(Entity.entity(new byte[1024 * 1024 + 1], "application/octet-stream"))),
                    413,
                    "HTM0413E");
            assertError(Api.Reply.of(bob.request(scan).put(Entity.entity(bytes, "image/png"))), 403, "HTM0403E");
            assertEquals(200, Api.Reply.of(alice.request(scan).delete()).status());
            assertError(bob.get(scan), 404, "HTM0404E");
            assertError(Api.Reply.of(alice.request(scan).delete()), 404, "HTM0404E");
        }
    }

    private static JsonObject role(Api api, String tkiid, String role) {
        Api.Reply reply = api.get(V1 + "task/" + tkiid + "/role/" + role);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject people(List<String> users, List<String> groups) {
        return Json.createObjectBuilder()
                .add("users", Json.createArrayBuilder(users))
                .add("groups", Json.createArrayBuilder(groups))
                .build();
    }
}
