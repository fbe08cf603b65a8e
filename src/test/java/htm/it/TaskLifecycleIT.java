package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskLifecycleIT extends HtmServer {

    @Test
    void createClaimCancelClaimAgainCompleteAndReadTheOutputAndHistory() {
        try (Api alice = new Api(base, ALICE)) {
            String tkiid = alice.createReadyTask("approve-order-42");

            Api.Reply read = alice.get(V1 + "task/" + tkiid);
            assertEquals(200, read.status(), read.toString());
            assertEquals("STATE_READY", read.json().getString("state"));
            assertEquals(ALICE, read.json().getString("originator"));
            assertNotNull(read.header("ETag"));

            assertEquals(200, alice.put(V1 + "task/" + tkiid + "?action=claim").status());
            assertEquals(
                    200, alice.put(V1 + "task/" + tkiid + "?action=cancelClaim").status());
            Api.Reply claimed = alice.put(V1 + "task/" + tkiid + "?action=claim");
            assertEquals("STATE_CLAIMED", claimed.json().getString("state"));
            assertEquals(ALICE, claimed.json().getString("owner"));

            Api.Reply completed = alice.put(V1 + "task/" + tkiid + "?action=complete", "{\"approved\": true}");
            assertEquals(200, completed.status(), completed.toString());
            assertEquals("STATE_FINISHED", completed.json().getString("state"));

            Api.Reply output = alice.get(V1 + "task/" + tkiid + "/output");
            assertEquals(200, output.status());
            assertEquals(true, output.json().getBoolean("approved"));

            Api.Reply history = alice.get(V1 + "task/" + tkiid + "/history");
            assertEquals(200, history.status());
            assertEquals(6, history.json().getJsonArray("items").size(), history.body());
            assertTrue(history.body().contains("ACTION_COMPLETE"));
        }
    }

    @Test
    void claimOfAClaimedTaskIs409AndCompletingAnotherOwnersTaskIs403() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String tkiid = alice.createReadyTask("review");
            assertEquals(200, alice.put(V1 + "task/" + tkiid + "?action=claim").status());
            Api.Reply second = bob.put(V1 + "task/" + tkiid + "?action=claim");
            assertEquals(409, second.status());
            assertEquals("HTM0409E", second.json().getString("errorNumber"));
            assertEquals(
                    403,
                    bob.put(V1 + "task/" + tkiid + "?action=complete", "{}").status());
        }
    }
}
