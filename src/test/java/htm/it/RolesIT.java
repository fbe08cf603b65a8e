package htm.it;

import static htm.it.Api.ADMIN;
import static htm.it.Api.ALICE;
import static htm.it.Api.CAROL;
import static htm.it.Api.DAVE;
import static htm.it.Api.ERIN;
import static htm.it.Api.SAM;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each application role (and no credentials) gets the status it should on each endpoint. */
class RolesIT extends HtmServer {

    private static final String NOBODY = null;

    @Test
    void creatingNeedsApiwriteOrAdmin() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(NOBODY, 401);
        expected.put(DAVE, 403);
        expected.put(SAM, 403);
        expected.put(ERIN, 403);
        expected.put(ALICE, 201);
        expected.put(ADMIN, 201);
        expected.forEach((user, status) -> {
            try (Api api = new Api(base, user)) {
                assertEquals(
                        status,
                        api.post(V1 + "task", "{\"name\": \"by-" + user + "\"}").status(),
                        "" + user);
            }
        });
    }

    @Test
    void readingATaskNeedsAWorkItemOnItOrARoleThatReadsEverything() {
        String tkiid;
        try (Api alice = new Api(base, ALICE)) {
            tkiid = created(alice, "{\"name\": \"read-me\", \"readers\": {\"users\": [\"dave\"]}}");
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(NOBODY, 401);
        expected.put(DAVE, 200);
        expected.put(CAROL, 404);
        expected.put(SAM, 200);
        expected.put(ERIN, 200);
        expected.put(ADMIN, 200);
        expected.put(ALICE, 200);
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            try (Api api = new Api(base, e.getKey())) {
                assertEquals(e.getValue(), api.get(V1 + "task/" + tkiid).status(), "" + e.getKey());
                assertEquals(
                        e.getValue(), api.get(V1 + "task/" + tkiid + "/history").status(), "" + e.getKey());
                assertEquals(
                        e.getValue() == 200 ? 204 : e.getValue(),
                        api.get(V1 + "task/" + tkiid + "/input").status(),
                        "no input given: " + e.getKey());
            }
        }
    }

    @Test
    void listingIsOpenToEveryRoleButNotToStrangers() {
        for (String user : new String[] {DAVE, ALICE, SAM, ERIN, ADMIN}) {
            try (Api api = new Api(base, user)) {
                assertEquals(200, api.get(V1 + "tasks").status(), user);
            }
        }
        try (Api nobody = new Api(base, NOBODY)) {
            assertEquals(401, nobody.get(V1 + "tasks").status());
        }
    }

    @Test
    void apireadClaimsAndReleasesButDoesNotComplete() {
        try (Api alice = new Api(base, ALICE);
                Api dave = alice.as(DAVE)) {
            String tkiid = created(alice, "{\"name\": \"for-dave\", \"potentialOwners\": {\"users\": [\"dave\"]}}");
            assertEquals(200, dave.put(V1 + "task/" + tkiid + "?action=claim").status());
            assertEquals(
                    403,
                    dave.put(V1 + "task/" + tkiid + "?action=complete", "{}").status());
            assertEquals(
                    200, dave.put(V1 + "task/" + tkiid + "?action=cancelClaim").status());
        }
    }

    @Test
    void supportSeesEveryTaskButClaimsOnlyAsAPotentialOwnerAndAdminDoesEverything() {
        try (Api alice = new Api(base, ALICE);
                Api sam = alice.as(SAM);
                Api admin = alice.as(ADMIN)) {
            String tkiid = alice.createReadyTask("support-and-admin");
            assertEquals(403, sam.put(V1 + "task/" + tkiid + "?action=claim").status());
            assertEquals(200, alice.put(V1 + "task/" + tkiid + "?action=claim").status());
            assertEquals(
                    200,
                    admin.put(V1 + "task/" + tkiid + "?action=complete", "{\"by\": \"admin\"}")
                            .status());
            Api.Reply history = alice.get(V1 + "task/" + tkiid + "/history");
            assertEquals(
                    "admin",
                    history.json().getJsonArray("items").getJsonObject(3).getString("principal"));
        }
    }

    private static String created(Api api, String body) {
        Api.Reply reply = api.post(V1 + "task", body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("tkiid");
    }
}
