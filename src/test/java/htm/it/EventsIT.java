package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.sse.InboundSseEvent;
import jakarta.ws.rs.sse.SseEventSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The live stream (GET /events) through Jersey's Server-Sent Events client: the events of a task in the order
 * they happened, as CloudEvents; never an event of a task the caller may not see; none of a change that rolled
 * back; resuming after the last event seen; bad requests refused with the HTM body.
 */
class EventsIT extends HtmServer {

    private static final String ORACLE = "bpm/api/4.0/tasks/";

    /** One caller's stream, its events queued as they arrive. */
    private final class Stream implements AutoCloseable {
        final Client client = ClientBuilder.newClient();
        final SseEventSource source;
        final BlockingQueue<InboundSseEvent> events = new LinkedBlockingQueue<>();

        Stream(String user, String query) {
            source = SseEventSource.target(client.target(base + V1 + "events" + query)
                            .register((ClientRequestFilter)
                                    request -> request.getHeaders().putSingle("Authorization", Api.basic(user, user))))
                    .build();
            source.register(event -> {
                if (event.getName() != null) {
                    events.add(event);
                }
            });
            source.open();
            assertTrue(source.isOpen());
        }

        /** The next event of the given task, waiting at most 20 s for it; other tasks' events are passed over. */
        JsonObject next(String tkiid) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < until) {
                InboundSseEvent event = events.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    JsonObject cloudEvent = Json.createReader(new StringReader(event.readData()))
                            .readObject();
                    assertEquals(event.getId(), cloudEvent.getString("id"));
                    assertEquals(event.getName(), cloudEvent.getString("type"));
                    if (cloudEvent.getString("subject").equals(tkiid)) {
                        return cloudEvent;
                    }
                }
            }
            throw new AssertionError("no event of task " + tkiid + " within 20 s");
        }

        /** The types of the task's events that arrive until the marker task's first event. */
        List<String> typesUntil(String tkiid, String marker) throws InterruptedException {
            List<String> types = new ArrayList<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < until) {
                InboundSseEvent event = events.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    JsonObject cloudEvent = Json.createReader(new StringReader(event.readData()))
                            .readObject();
                    if (cloudEvent.getString("subject").equals(marker)) {
                        return types;
                    }
                    if (cloudEvent.getString("subject").equals(tkiid)) {
                        types.add(cloudEvent.getString("type"));
                    }
                }
            }
            throw new AssertionError("no event of the marker task " + marker + " within 20 s");
        }

        @Override
        public void close() {
            source.close();
            client.close();
        }
    }

    @Test
    void aTasksEventsArriveInOrderAsCloudEvents() throws Exception {
        try (Api alice = new Api(base, ALICE);
                Stream stream = openedStream(alice, ALICE, "?potentialOwner=me")) {
            String tkiid = alice.createReadyTask("events-in-order");
            JsonObject created = stream.next(tkiid);
            assertEquals("1.0", created.getString("specversion"));
            assertEquals("htm.task.created", created.getString("type"));
            assertEquals("urn:htm", created.getString("source"));
            assertEquals("application/json", created.getString("datacontenttype"));
            assertNotNull(created.getString("time"));
            JsonObject data = created.getJsonObject("data");
            assertEquals("alice", data.getString("actor"));
            assertEquals("events-in-order", data.getJsonObject("task").getString("name"));
            assertEquals(
                    "reviewers",
                    data.getJsonObject("task")
                            .getJsonObject("potentialOwners")
                            .getJsonArray("groups")
                            .getString(0));
            assertEquals("htm.task.started", stream.next(tkiid).getString("type"));

            assertEquals(200, alice.act(tkiid, "claim").status());
            assertEquals(
                    200,
                    alice.put(V1 + "task/" + tkiid + "?action=complete", "{\"approved\": true}")
                            .status());
            JsonObject claimed = stream.next(tkiid);
            assertEquals("htm.task.claimed", claimed.getString("type"));
            assertEquals("STATE_READY", claimed.getJsonObject("data").getString("fromState"));
            assertEquals("STATE_CLAIMED", claimed.getJsonObject("data").getString("toState"));
            JsonObject completed = stream.next(tkiid);
            assertEquals("htm.task.completed", completed.getString("type"));
            assertEquals("STATE_FINISHED", completed.getJsonObject("data").getString("toState"));
            assertTrue(Long.parseLong(completed.getString("id")) > Long.parseLong(claimed.getString("id")));
        }
    }

    @Test
    void aStreamNeverCarriesAnEventOfATaskItsCallerMayNotSee() throws Exception {
        try (Api alice = new Api(base, ALICE);
                Stream bobs = openedStream(alice.as(BOB), BOB, "")) {
            String hidden =
                    alice.create("{\"name\": \"events-hidden\", \"potentialOwners\": {\"users\": [\"alice\"]}}");
            assertEquals(200, alice.act(hidden, "claim").status());
            String offered = alice.create("{\"name\": \"events-bobs\", \"potentialOwners\": {\"users\": [\"bob\"]}}");
            assertEquals(List.of(), bobs.typesUntil(hidden, offered), "bob heard of alice's task");
        }
    }

    @Test
    void aChangeThatRollsBackMakesNoEvent() throws Exception {
        try (Api alice = new Api(base, ALICE);
                Stream stream = openedStream(alice, ALICE, "")) {
            String tkiid = alice.createReadyTask("events-rolled-back");
            assertEquals("htm.task.created", stream.next(tkiid).getString("type"));
            assertEquals("htm.task.started", stream.next(tkiid).getString("type"));
            // Oracle's request is one transaction: the priority is changed and flushed, then the resume fails
            Api.Reply refused = alice.put(
                    ORACLE + tkiid,
                    "{\"action\": {\"id\": \"RESUME\"}, \"priority\": 7, \"comment\": {\"commentStr\": \"half\"}}");
            assertEquals(409, refused.status(), refused.body());
            assertEquals(200, alice.act(tkiid, "claim").status());
            assertEquals(
                    "htm.task.claimed", stream.next(tkiid).getString("type"), "an event of the rolled-back change");
        }
    }

    @Test
    void aStreamResumesAfterTheLastEventItSaw() throws Exception {
        try (Api alice = new Api(base, ALICE)) {
            String tkiid = alice.createReadyTask("events-resumed");
            String lastSeen;
            try (Stream stream = openedStream(alice, ALICE, "")) {
                assertEquals(200, alice.act(tkiid, "claim").status());
                lastSeen = stream.next(tkiid).getString("id");
            }
            assertEquals(200, alice.act(tkiid, "cancelClaim").status());
            assertEquals(200, alice.act(tkiid, "claim").status());

            // the header, as a browser's EventSource sends it when it reconnects, read off the wire
            HttpURLConnection connection = (HttpURLConnection) new URL(base + V1 + "events").openConnection();
            connection.setRequestProperty("Authorization", Api.basic(ALICE, ALICE));
            connection.setRequestProperty("Accept", "text/event-stream");
            connection.setRequestProperty("Last-Event-ID", lastSeen);
            connection.setReadTimeout(20_000);
            assertEquals(200, connection.getResponseCode());
            assertTrue(connection.getContentType().startsWith("text/event-stream"), connection.getContentType());
            List<String> types = new ArrayList<>();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                String id = null;
                for (String line; types.size() < 2 && (line = lines.readLine()) != null; ) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                        assertTrue(Long.parseLong(id) > Long.parseLong(lastSeen));
                    } else if (line.startsWith("data:") && line.contains("\"subject\":\"" + tkiid + "\"")) {
                        types.add(Json.createReader(new StringReader(line.substring(5)))
                                .readObject()
                                .getString("type"));
                    }
                }
                assertNotNull(id);
            } finally {
                connection.disconnect();
            }
            assertEquals(List.of("htm.task.claimCanceled", "htm.task.claimed"), types);
        }
    }

    @Test
    void badStreamRequestsAreRefusedWithTheHtmBody() {
        try (Api alice = new Api(base, ALICE);
                Api nobody = new Api(base, null)) {
            for (String query : List.of("?owner=bob", "?types=exploded", "?colour=red", "?lastEventId=-1")) {
                Api.Reply refused = alice.get(V1 + "events" + query);
                assertEquals(400, refused.status(), query + " " + refused.body());
                assertEquals("HTM0400E", refused.json().getString("errorNumber"), refused.body());
            }
            Api.Reply anonymous = nobody.get(V1 + "events");
            assertEquals(401, anonymous.status(), anonymous.body());
            assertFalse(anonymous.body().contains("Exception"));
        }
    }

    /**
     * A stream, open and past its first comment. An event is delivered only to streams open when the server's
     * reader meets it; a task event of a marker task, awaited here, shows that the stream hears new events.
     */
    private Stream openedStream(Api writer, String user, String query) throws InterruptedException {
        Stream stream = new Stream(user, query);
        String marker =
                writer.create("{\"name\": \"events-marker\", \"potentialOwners\": {\"users\": [\"" + user + "\"]}}");
        stream.next(marker);
        return stream;
    }
}
