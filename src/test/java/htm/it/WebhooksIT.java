package htm.it;

import static htm.it.Api.ADMIN;
import static htm.it.Api.ALICE;
import static htm.it.Api.ERIN;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Webhooks (API.md §7) against a real HTTP receiver on loopback, in this JVM: the events of a task arrive in
 * order, as CloudEvents signed per Standard Webhooks (checked here the way a receiver checks them); a failing
 * receiver gets them again until it answers 2xx, and the deliveries show it; filters, rotation, roles and bad
 * requests; a change that rolls back sends nothing; readiness does not depend on a target.
 */
class WebhooksIT extends HtmServer {

    private static final String SUBSCRIPTIONS = V1 + "subscriptions";

    @Test
    void aTasksEventsArriveInOrderSignedAsStandardWebhooks() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("subject");
                Api admin = new Api(base, ADMIN);
                Api alice = admin.as(ALICE)) {
            Api.Reply created = admin.post(
                    SUBSCRIPTIONS,
                    "{\"url\": \"" + receiver.url() + "\", \"filter\": {\"namePrefix\": \"hook-order\"}}");
            assertEquals(201, created.status(), created.body());
            JsonObject subscription = created.json();
            String secret = subscription.getString("secret");
            assertTrue(secret.startsWith("whsec_"), secret);
            assertTrue(created.header("Location").endsWith("subscriptions/" + subscription.getString("id")));

            String tkiid = alice.createReadyTask("hook-order-1");
            assertEquals(200, alice.act(tkiid, "claim").status());
            assertEquals(
                    200,
                    alice.put(V1 + "task/" + tkiid + "?action=complete", "{\"ok\": true}")
                            .status());

            List<String> types = new ArrayList<>();
            long lastId = 0;
            for (int i = 0; i < 4; i++) {
                WebhookReceiver.Received request = receiver.next(tkiid);
                assertEquals("application/cloudevents+json", request.header("Content-Type"));
                JsonObject event = request.event();
                assertEquals("1.0", event.getString("specversion"));
                assertEquals(event.getString("id"), request.header("webhook-id"));
                long timestamp = Long.parseLong(request.header("webhook-timestamp"));
                assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 300, "timestamp " + timestamp);
                assertTrue(
                        request.verifies(request.header("webhook-signature"), secret),
                        "signature " + request.header("webhook-signature"));
                assertFalse(request.verifies(request.header("webhook-signature"), "whsec_" + secret.substring(7)));
                long id = Long.parseLong(event.getString("id"));
                assertTrue(id > lastId, "event ids in order");
                lastId = id;
                types.add(event.getString("type"));
            }
            assertEquals(
                    List.of("htm.task.created", "htm.task.started", "htm.task.claimed", "htm.task.completed"), types);
            assertEquals(
                    204,
                    admin.delete(SUBSCRIPTIONS + "/" + subscription.getString("id"))
                            .status());
        }
    }

    @Test
    void aFailingReceiverGetsTheEventAgainAndTheTasksOrderHolds() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("subject");
                Api erin = new Api(base, ERIN);
                Api alice = erin.as(ALICE)) {
            String id = subscribe(erin, receiver, "{\"namePrefix\": \"hook-retry\"}", "[\"claimed\"]");
            String tkiid = alice.createReadyTask("hook-retry");
            receiver.failuresLeft.put(tkiid, new AtomicInteger(2));
            assertEquals(200, alice.act(tkiid, "claim").status());
            assertEquals(200, alice.act(tkiid, "cancelClaim").status());
            assertEquals(200, alice.act(tkiid, "claim").status());
            WebhookReceiver.Received claimed = receiver.next(tkiid);
            WebhookReceiver.Received claimedAgain = receiver.next(tkiid);
            assertEquals("htm.task.claimed", claimed.event().getString("type"));
            assertEquals("htm.task.claimed", claimedAgain.event().getString("type"));
            assertTrue(
                    Long.parseLong(claimed.header("webhook-id")) < Long.parseLong(claimedAgain.header("webhook-id")));

            JsonObject delivery =
                    erin.get(SUBSCRIPTIONS + "/" + id + "/deliveries").json().getJsonArray("items").stream()
                            .map(item -> item.asJsonObject())
                            .filter(item -> item.getString("eventId").equals(claimed.header("webhook-id")))
                            .findFirst()
                            .orElseThrow();
            assertEquals(3, delivery.getInt("attempts"), delivery.toString());
            assertEquals("DELIVERED", delivery.getString("status"));
            assertEquals(204, delivery.getInt("lastStatusCode"));
            assertEquals(tkiid, delivery.getString("tkiid"));
            assertNotNull(delivery.getString("lastAttemptTime"));
            assertEquals(204, erin.delete(SUBSCRIPTIONS + "/" + id).status());
        }
    }

    /**
     * A task whose first delivery keeps failing holds back its later events, more of them than a worker's turn
     * looks at (DeliveryQueue.WINDOW): another task's event, queued behind them all, still arrives.
     */
    @Test
    void eventsWaitingBehindAFailingOneDoNotHoldOtherTasksBack() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("subject");
                Api admin = new Api(base, ADMIN);
                Api alice = admin.as(ALICE)) {
            String stuck = subscribe(admin, receiver, "{\"namePrefix\": \"hook-stuck\"}", "[]");
            String tkiid = alice.createReadyTask("hook-stuck");
            receiver.failuresLeft.put(tkiid, new AtomicInteger(Integer.MAX_VALUE));
            for (int i = 0; i < 140; i++) {
                assertEquals(200, alice.act(tkiid, "claim").status());
                assertEquals(200, alice.act(tkiid, "cancelClaim").status());
            }
            String free = subscribe(admin, receiver, "{\"namePrefix\": \"hook-free\"}", "[\"created\"]");
            String other = alice.createReadyTask("hook-free");
            assertEquals("htm.task.created", receiver.next(other).event().getString("type"));
            assertEquals(204, admin.delete(SUBSCRIPTIONS + "/" + stuck).status());
            assertEquals(204, admin.delete(SUBSCRIPTIONS + "/" + free).status());
        }
    }

    @Test
    void filtersAndRotationAndNothingOfARolledBackChange() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("subject");
                Api admin = new Api(base, ADMIN);
                Api alice = admin.as(ALICE)) {
            String id = subscribe(admin, receiver, "{\"namespace\": \"hooks\"}", "[]");
            String other =
                    alice.create("{\"name\": \"hook-elsewhere\", \"potentialOwners\": {\"users\": [\"alice\"]}}");
            String tkiid = alice.create(
                    "{\"name\": \"hook-filtered\", \"namespace\": \"hooks\", \"potentialOwners\": {\"users\": [\"alice\"]}}");
            WebhookReceiver.Received created = receiver.next(tkiid);
            assertEquals("htm.task.created", created.event().getString("type"));
            assertEquals(
                    "hooks",
                    created.event().getJsonObject("data").getJsonObject("task").getString("namespace"));
            assertEquals("htm.task.started", receiver.next(tkiid).event().getString("type"));

            // Oracle's request is one transaction: the priority is flushed, then the resume fails and all rolls back
            Api.Reply refused = alice.put(
                    "bpm/api/4.0/tasks/" + tkiid,
                    "{\"action\": {\"id\": \"RESUME\"}, \"priority\": 7, \"comment\": {\"commentStr\": \"half\"}}");
            assertEquals(409, refused.status(), refused.body());

            Api.Reply rotated = admin.post(SUBSCRIPTIONS + "/" + id + "/secret", "");
            assertEquals(200, rotated.status(), rotated.body());
            String newSecret = rotated.json().getString("secret");
            assertNotNull(rotated.json().getString("previousSecretValidUntil"));
            assertEquals(200, alice.act(tkiid, "claim").status());
            WebhookReceiver.Received claimed = receiver.next(tkiid);
            assertEquals("htm.task.claimed", claimed.event().getString("type"), "an event of the rolled-back change");
            String signatures = claimed.header("webhook-signature");
            assertEquals(2, signatures.split(" ").length, signatures);
            assertTrue(claimed.verifies(signatures, newSecret));
            // the deliveries are queued with the change: none for the other namespace, none of the rollback
            List<String> queued =
                    admin.get(SUBSCRIPTIONS + "/" + id + "/deliveries").json().getJsonArray("items").stream()
                            .map(item -> item.asJsonObject())
                            .map(item -> item.getString("tkiid") + " " + item.getString("type"))
                            .toList();
            assertEquals(
                    List.of(tkiid + " htm.task.claimed", tkiid + " htm.task.started", tkiid + " htm.task.created"),
                    queued);
            assertFalse(queued.toString().contains(other));

            JsonObject listed = admin.get(SUBSCRIPTIONS).json();
            assertTrue(listed.toString().contains(id));
            assertFalse(listed.toString().contains("whsec_"), "a listing shows no secret");
            assertEquals(204, admin.delete(SUBSCRIPTIONS + "/" + id).status());
            assertEquals(404, admin.get(SUBSCRIPTIONS + "/" + id).status());
        }
    }

    @Test
    void readinessStaysUpWhileATargetIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Api admin = new Api(base, ADMIN);
                Api service = new Api(root(), null)) {
            Api.Reply created = admin.post(
                    SUBSCRIPTIONS, "{\"url\": \"http://127.0.0.1:" + closedPort + "/down\", \"types\": [\"created\"]}");
            assertEquals(201, created.status(), created.body());
            String id = created.json().getString("id");
            admin.createReadyTask("hook-to-nowhere");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            JsonObject delivery = null;
            while (delivery == null && System.nanoTime() < until) {
                delivery = admin.get(SUBSCRIPTIONS + "/" + id + "/deliveries").json().getJsonArray("items").stream()
                        .map(item -> item.asJsonObject())
                        .filter(item -> item.getInt("attempts") > 0)
                        .findFirst()
                        .orElse(null);
                Thread.sleep(200); // the worker attempts in its own time: poll the deliveries, bounded above
            }
            assertNotNull(delivery, "no attempt within 20 s");
            assertEquals("PENDING", delivery.getString("status"));
            assertFalse(delivery.containsKey("lastStatusCode"), delivery.toString());
            assertNotNull(delivery.getString("nextAttemptTime"));
            assertEquals("UP", service.get("health/ready").json().getString("status"));
            assertEquals(204, admin.delete(SUBSCRIPTIONS + "/" + id).status());
        }
    }

    @Test
    void badSubscriptionsAreRefusedWithTheHtmBody() throws Exception {
        try (Api admin = new Api(base, ADMIN);
                Api alice = admin.as(ALICE);
                Api nobody = admin.as(null)) {
            for (String body : List.of(
                    "{\"url\": \"http://169.254.169.254/latest/meta-data\"}",
                    "{\"url\": \"file:///etc/passwd\"}",
                    "{\"url\": \"http://user:pw@127.0.0.1/hook\"}",
                    "{\"url\": \"http://127.0.0.1/hook\", \"types\": [\"exploded\"]}",
                    "{\"url\": \"http://127.0.0.1/hook\", \"filter\": {\"nameprefix\": \"typo\"}}",
                    "{\"url\": \"http://127.0.0.1/hook\", \"tpyes\": [\"claimed\"]}",
                    "{\"url\": 42}",
                    "[]",
                    "not json")) {
                Api.Reply refused = admin.post(SUBSCRIPTIONS, body);
                assertEquals(400, refused.status(), body + " " + refused.body());
                assertEquals("HTM0400E", refused.json().getString("errorNumber"), refused.body());
            }
            Api.Reply forbidden = alice.post(SUBSCRIPTIONS, "{\"url\": \"http://127.0.0.1/hook\"}");
            assertEquals(403, forbidden.status(), forbidden.body());
            assertEquals(403, alice.get(SUBSCRIPTIONS).status());
            assertEquals(401, nobody.get(SUBSCRIPTIONS).status());
            assertEquals(404, admin.get(SUBSCRIPTIONS + "/no-such-id").status());
            assertEquals(
                    404, admin.get(SUBSCRIPTIONS + "/no-such-id/deliveries").status());
            assertEquals(
                    404, admin.delete(SUBSCRIPTIONS + "/" + "x".repeat(300)).status());
        }
    }

    private static String subscribe(Api as, WebhookReceiver receiver, String filter, String types) {
        Api.Reply created = as.post(
                SUBSCRIPTIONS,
                "{\"url\": \"" + receiver.url() + "\", \"types\": " + types + ", \"filter\": " + filter + "}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }
}
