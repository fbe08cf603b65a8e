package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.CAROL;
import static htm.it.Api.DAVE;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GET /tasks: filters, potential owners through groups minus excluded owners, paging and totals. */
class WorkListIT extends HtmServer {

    private static final String DAVES_READY = V1 + "tasks?state=STATE_READY&potentialOwner=me";

    @Test
    void potentialOwnerMeCountsTasksOfferedToTheCallerAndClaimingMovesThem() {
        try (Api alice = new Api(base, ALICE);
                Api dave = alice.as(DAVE)) {
            long before = total(dave.get(DAVES_READY));
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                created.add(created(
                        alice,
                        "{\"name\": \"list-" + i + "\", \"priority\": " + (i + 1)
                                + ", \"potentialOwners\": {\"users\": [\"dave\"]}}"));
            }
            assertEquals(before + 5, total(dave.get(DAVES_READY)));

            assertEquals(
                    200,
                    dave.put(V1 + "task/" + created.get(0) + "?action=claim").status());
            assertEquals(before + 4, total(dave.get(DAVES_READY)));
            JsonObject mine =
                    dave.get(V1 + "tasks?state=STATE_CLAIMED&owner=dave").json();
            assertTrue(tkiids(mine).contains(created.get(0)));
            assertEquals("tkiid", mine.getString("identifier"));
        }
    }

    @Test
    void pagesWalkTheWholeListOnceInPriorityOrder() {
        try (Api alice = new Api(base, ALICE);
                Api dave = alice.as(DAVE)) {
            for (int i = 0; i < 3; i++) {
                created(alice, "{\"name\": \"page-" + i + "\", \"potentialOwners\": {\"users\": [\"dave\"]}}");
            }
            long total = total(dave.get(DAVES_READY));
            Set<String> seen = new HashSet<>();
            int lastPriority = Integer.MIN_VALUE;
            for (int offset = 0; offset < total; offset += 2) {
                JsonObject page =
                        dave.get(DAVES_READY + "&size=2&offset=" + offset).json();
                for (JsonValue item : page.getJsonArray("items")) {
                    JsonObject task = item.asJsonObject();
                    assertTrue(seen.add(task.getString("tkiid")), "no task twice");
                    assertTrue(task.getInt("priority") >= lastPriority, "ordered by priority");
                    lastPriority = task.getInt("priority");
                }
            }
            assertEquals(total, seen.size());
            JsonObject beyond = dave.get(DAVES_READY + "&offset=" + total).json();
            assertEquals(0, beyond.getJsonArray("items").size());
            Api.Reply farthest = dave.get(DAVES_READY + "&offset=" + Integer.MAX_VALUE + "&size=500");
            assertEquals(200, farthest.status(), farthest.body());
            assertEquals(0, farthest.json().getJsonArray("items").size());
            assertEquals(
                    JsonValue.NULL,
                    dave.get(DAVES_READY + "&count=false").json().get("total"));
        }
    }

    @Test
    void groupsCountAndExcludedOwnersDoNot() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB);
                Api carol = alice.as(CAROL)) {
            String forReviewersButBob = created(alice, """
                    {"name": "not-bob", "potentialOwners": {"groups": ["reviewers"]},
                     "excludedOwners": {"users": ["bob"]}}""");
            String forManagers =
                    created(alice, "{\"name\": \"managers\", \"potentialOwners\": {\"groups\": [\"managers\"]}}");
            String readyForMe = V1 + "tasks?state=STATE_READY&potentialOwner=me&size=500";

            assertTrue(tkiids(alice.get(readyForMe).json()).contains(forReviewersButBob));
            assertFalse(tkiids(bob.get(readyForMe).json()).contains(forReviewersButBob));
            assertEquals(
                    403,
                    bob.put(V1 + "task/" + forReviewersButBob + "?action=claim").status(),
                    "bob sees the task (he is named on it) but may not claim it");
            assertTrue(tkiids(carol.get(readyForMe).json()).contains(forManagers));
            assertFalse(tkiids(bob.get(readyForMe).json()).contains(forManagers));
            assertFalse(
                    tkiids(carol.get(V1 + "tasks?size=500").json()).contains(forReviewersButBob),
                    "a caller never sees a task without a work item on it");
        }
    }

    private static long total(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonNumber("total").longValue();
    }

    private static Set<String> tkiids(JsonObject list) {
        Set<String> ids = new HashSet<>();
        list.getJsonArray("items").forEach(item -> ids.add(item.asJsonObject().getString("tkiid")));
        return ids;
    }

    private static String created(Api api, String body) {
        Api.Reply reply = api.post(V1 + "task", body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("tkiid");
    }
}
