package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.CAROL;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.a2a.A2A;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.client.transport.spi.interceptors.ClientCallContext;
import io.a2a.spec.A2AClientException;
import io.a2a.spec.AgentCard;
import io.a2a.spec.DataPart;
import io.a2a.spec.DeleteTaskPushNotificationConfigParams;
import io.a2a.spec.GetTaskPushNotificationConfigParams;
import io.a2a.spec.JSONRPCError;
import io.a2a.spec.ListTaskPushNotificationConfigParams;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.PushNotificationAuthenticationInfo;
import io.a2a.spec.PushNotificationConfig;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskPushNotificationConfig;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * HTM as an A2A server, driven by the official A2A Java SDK's client (JSON-RPC): the agent card, an agent's
 * message becoming a task in a person's work list, the person's claim and answer heard through tasks/get,
 * cancel, and an information request the agent answers; the JSON-RPC errors over plain HTTP.
 */
class A2aIT extends HtmServer {

    /**
     * The card through the SDK's resolver. Deployed at the server's root (htm-app.xml), HTM serves it at
     * /.well-known/agent-card.json, the resolver's default; here the application has its own context root.
     */
    private AgentCard card() throws Exception {
        return A2A.getAgentCard(base.toExternalForm(), ".well-known/agent-card.json", Map.of());
    }

    /** The SDK's client for the card, polling (no stream), as the given agent user. */
    private Agent agent(String user) throws Exception {
        AtomicReference<Task> heard = new AtomicReference<>();
        Client client = Client.builder(card())
                .clientConfig(new ClientConfig.Builder().setStreaming(false).build())
                .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
                .addConsumer((event, card) -> {
                    if (event instanceof TaskEvent task) {
                        heard.set(task.getTask());
                    }
                })
                .build();
        return new Agent(
                client, new ClientCallContext(Map.of(), Map.of("Authorization", Api.basic(user, user))), heard);
    }

    /**
     * The SDK's client streaming (message/stream, tasks/resubscribe) as the given agent user: what it hears goes
     * into events, a stream's end (null) or failure into ends.
     */
    private Streaming streamingAgent(String user) throws Exception {
        BlockingQueue<ClientEvent> events = new LinkedBlockingQueue<>();
        BlockingQueue<Optional<Throwable>> ends = new LinkedBlockingQueue<>();
        Client client = Client.builder(card())
                .clientConfig(new ClientConfig.Builder().setStreaming(true).build())
                .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
                .addConsumer((event, card) -> events.add(event))
                .streamingErrorHandler(failure -> ends.add(Optional.ofNullable(failure)))
                .build();
        return new Streaming(
                client, new ClientCallContext(Map.of(), Map.of("Authorization", Api.basic(user, user))), events, ends);
    }

    private record Streaming(
            Client client,
            ClientCallContext as,
            BlockingQueue<ClientEvent> events,
            BlockingQueue<Optional<Throwable>> ends) {

        ClientEvent next() throws InterruptedException {
            ClientEvent event = events.poll(30, TimeUnit.SECONDS);
            assertNotNull(event, "an event within 30 s");
            return event;
        }

        /** The next update: its kind and the A2A state of the task it leaves ("artifact" for an artifact). */
        String nextUpdate() throws InterruptedException {
            TaskUpdateEvent update = assertInstanceOf(TaskUpdateEvent.class, next());
            if (update.getUpdateEvent() instanceof TaskArtifactUpdateEvent artifact) {
                DataPart output = assertInstanceOf(
                        DataPart.class, artifact.getArtifact().parts().get(0));
                return "artifact " + output.getData().get("outcome");
            }
            TaskStatusUpdateEvent status = (TaskStatusUpdateEvent) update.getUpdateEvent();
            return status.getStatus().state().asString() + (status.isFinal() ? " final" : "");
        }

        /** How the stream ended: null when the server ended it. */
        Throwable end() throws InterruptedException {
            Optional<Throwable> end = ends.poll(30, TimeUnit.SECONDS);
            assertNotNull(end, "the stream ends within 30 s");
            return end.orElse(null);
        }
    }

    private record Agent(Client client, ClientCallContext as, AtomicReference<Task> heard) {
        Task send(Message message) throws A2AClientException {
            heard.set(null);
            client.sendMessage(message, as);
            assertNotNull(heard.get(), "message/send answers a task");
            return heard.get();
        }

        Task get(String id) throws A2AClientException {
            return client.getTask(new TaskQueryParams(id), as);
        }
    }

    private static Message ask(String text, Map<String, Object> task) {
        List<Part<?>> parts = new ArrayList<>();
        parts.add(new TextPart(text));
        if (task != null) {
            parts.add(new DataPart(task));
        }
        return new Message.Builder()
                .role(Message.Role.USER)
                .messageId(UUID.randomUUID().toString())
                .parts(parts)
                .build();
    }

    private static Map<String, Object> refund(String name, String person) {
        return Map.of(
                "name", name,
                "potentialOwners", Map.of("users", List.of(person)),
                "input", Map.of("refundId", 42, "amount", 120));
    }

    @Test
    void theAgentCardIsPublicAndNamesTheEndpointAndTheSkills() throws Exception {
        AgentCard card = card();
        assertEquals("HTM", card.name());
        assertEquals("0.3.0", card.protocolVersion());
        assertEquals("JSONRPC", card.preferredTransport());
        assertTrue(card.url().endsWith("/a2a"), card.url());
        assertTrue(card.skills().stream().anyMatch(skill -> skill.id().equals("human-task")));
        assertTrue(card.securitySchemes().containsKey("basic"));
        assertTrue(card.securitySchemes().containsKey("bearer"));
        assertTrue(card.capabilities().streaming());
        assertTrue(card.capabilities().pushNotifications());
    }

    @Test
    void aPersonAnswersAnAgentsMessage() throws Exception {
        Agent carol = agent(CAROL);
        String name = "approveRefund-" + UUID.randomUUID();
        Task asked = carol.send(ask("Please approve refund 42.", refund(name, ALICE)));
        assertEquals(TaskState.SUBMITTED, asked.getStatus().state());
        String tkiid = asked.getId();

        try (Api alice = new Api(base, ALICE)) {
            JsonObject task = alice.task(tkiid);
            assertEquals(name, task.getString("name"));
            assertEquals("Please approve refund 42.", task.getString("description"));
            assertEquals(CAROL, task.getString("originator"));
            // in alice's work list (other tests' tasks are there too: the one of this name)
            assertTrue(alice.get(V1 + "tasks?potentialOwner=me&name=" + name)
                    .body()
                    .contains(tkiid));

            assertEquals(200, alice.act(tkiid, "claim").status());
            assertEquals(TaskState.WORKING, carol.get(tkiid).getStatus().state());

            assertEquals(
                    200,
                    alice.put(V1 + "task/" + tkiid + "?action=complete", """
                    {"outcome": "APPROVE", "note": "within the limit"}""").status());
        }
        Task done = carol.get(tkiid);
        assertEquals(TaskState.COMPLETED, done.getStatus().state());
        assertEquals(1, done.getArtifacts().size());
        DataPart output = assertInstanceOf(
                DataPart.class, done.getArtifacts().get(0).parts().get(0));
        assertEquals("APPROVE", output.getData().get("outcome"));
        assertEquals("within the limit", output.getData().get("note"));
        assertEquals("APPROVE", done.getArtifacts().get(0).metadata().get("outcome"));
    }

    @Test
    void anAgentHearsThePersonsWorkAsAStream() throws Exception {
        Streaming carol = streamingAgent(CAROL);
        String name = "streamedRefund-" + UUID.randomUUID();
        carol.client().sendMessage(ask("Please approve refund 44.", refund(name, ALICE)), carol.as());
        Task asked = assertInstanceOf(TaskEvent.class, carol.next()).getTask();
        assertEquals(TaskState.SUBMITTED, asked.getStatus().state());
        String tkiid = asked.getId();

        Streaming again = streamingAgent(CAROL);
        again.client().resubscribe(new TaskIdParams(tkiid), again.as());
        assertEquals(
                TaskState.SUBMITTED,
                assertInstanceOf(TaskEvent.class, again.next())
                        .getTask()
                        .getStatus()
                        .state());
        // another agent may not follow carol's task: the stream's one answer is the error
        Streaming bob = streamingAgent(BOB);
        bob.client().resubscribe(new TaskIdParams(tkiid), bob.as());
        assertEquals(-32001, assertInstanceOf(JSONRPCError.class, bob.end()).getCode());

        try (Api alice = new Api(base, ALICE)) {
            assertEquals(200, alice.act(tkiid, "claim").status());
            assertEquals("working", carol.nextUpdate());
            assertEquals(
                    200,
                    alice.put(V1 + "task/" + tkiid + "?action=complete", """
                    {"outcome": "APPROVE"}""").status());
        }
        assertEquals(List.of("artifact APPROVE", "completed final"), List.of(carol.nextUpdate(), carol.nextUpdate()));
        assertEquals(
                List.of("working", "artifact APPROVE", "completed final"),
                List.of(again.nextUpdate(), again.nextUpdate(), again.nextUpdate()));

        // (on a final update the SDK ends the stream itself); a task that has ended: resubscribing answers it, and
        // HTM ends the stream
        Streaming late = streamingAgent(CAROL);
        late.client().resubscribe(new TaskIdParams(tkiid), late.as());
        Task done = assertInstanceOf(TaskEvent.class, late.next()).getTask();
        assertEquals(TaskState.COMPLETED, done.getStatus().state());
        assertNull(late.end());
    }

    @Test
    void anAgentIsPushedTheTaskAsThePersonWorksIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("id")) {
            Agent carol = agent(CAROL);
            String tkiid = carol.send(ask("Approve refund 45.", refund("pushedRefund", ALICE)))
                    .getId();
            TaskPushNotificationConfig asked = new TaskPushNotificationConfig(
                    tkiid,
                    new PushNotificationConfig.Builder()
                            .id("carols")
                            .url(receiver.url())
                            .token("carol-token-45")
                            .authenticationInfo(new PushNotificationAuthenticationInfo(List.of("Bearer"), "hook-key"))
                            .build());
            TaskPushNotificationConfig set = carol.client().setTaskPushNotificationConfiguration(asked, carol.as());
            assertEquals("carols", set.pushNotificationConfig().id());
            assertEquals(receiver.url(), set.pushNotificationConfig().url());
            // another agent may not push carol's task; carol's configurations are hers to read
            A2AClientException refused = assertThrows(
                    A2AClientException.class,
                    () -> agent(BOB)
                            .client()
                            .setTaskPushNotificationConfiguration(
                                    asked, agent(BOB).as()));
            assertEquals(-32001, code(refused));
            List<TaskPushNotificationConfig> listed = carol.client()
                    .listTaskPushNotificationConfigurations(
                            new ListTaskPushNotificationConfigParams(tkiid), carol.as());
            assertEquals(
                    List.of("carols"),
                    listed.stream()
                            .map(config -> config.pushNotificationConfig().id())
                            .toList());

            try (Api alice = new Api(base, ALICE)) {
                assertEquals(200, alice.act(tkiid, "claim").status());
                assertEquals(
                        200,
                        alice.put(V1 + "task/" + tkiid + "?action=complete", """
                        {"outcome": "REJECT"}""")
                                .status());
            }
            // a push per change, each the Task as it is when it goes out, in order: the last says completed
            WebhookReceiver.Received push = receiver.next(tkiid);
            while (!push.event().getJsonObject("status").getString("state").equals("completed")) {
                assertEquals("working", push.event().getJsonObject("status").getString("state"));
                push = receiver.next(tkiid);
            }
            assertEquals("carol-token-45", push.header("X-A2A-Notification-Token"));
            assertEquals("Bearer hook-key", push.header("Authorization"));
            assertEquals("application/json", push.header("Content-Type"));
            assertNotNull(push.header("webhook-signature"));
            JsonObject task = push.event();
            assertEquals("task", task.getString("kind"));
            assertEquals(
                    "REJECT",
                    task.getJsonArray("artifacts")
                            .getJsonObject(0)
                            .getJsonObject("metadata")
                            .getString("outcome"));

            carol.client()
                    .deleteTaskPushNotificationConfigurations(
                            new DeleteTaskPushNotificationConfigParams(tkiid, "carols"), carol.as());
            A2AClientException gone = assertThrows(
                    A2AClientException.class,
                    () -> carol.client()
                            .getTaskPushNotificationConfiguration(
                                    new GetTaskPushNotificationConfigParams(tkiid, "carols"), carol.as()));
            assertEquals(-32001, code(gone));
        }
    }

    @Test
    void aPushIsSignedWithTheSecretItsSetShowsAndGoesOnlyWhereAllowed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("id");
                Api carol = new Api(base, CAROL)) {
            String tkiid = agent(CAROL)
                    .send(ask("Sign it.", refund("signedPush", ALICE)))
                    .getId();
            JsonObject set = setPush(carol, tkiid, "{\"url\": \"" + receiver.url() + "\"}")
                    .json()
                    .getJsonObject("result");
            String secret = set.getJsonObject("pushNotificationConfig").getString("webhookSecret");
            assertTrue(secret.startsWith("whsec_"), secret);
            try (Api alice = new Api(base, ALICE)) {
                assertEquals(200, alice.act(tkiid, "claim").status());
            }
            WebhookReceiver.Received push = receiver.next(tkiid);
            assertTrue(push.verifies(push.header("webhook-signature"), secret), push.header("webhook-signature"));
            assertNull(push.header("X-A2A-Notification-Token"));

            // a push asked for with the message that makes the task
            String made = carol.post(
                            "a2a",
                            rpc(
                                    "message/send",
                                    "{\"message\": {\"parts\": [{\"kind\": \"data\","
                                            + " \"data\": {\"name\": \"pushedFromTheStart\"}}]}, \"configuration\":"
                                            + " {\"pushNotificationConfig\": {\"url\": \"" + receiver.url()
                                            + "\", \"id\": \"first\"}}}"))
                    .json()
                    .getJsonObject("result")
                    .getString("id");
            JsonArray configs = carol.post(
                            "a2a", rpc("tasks/pushNotificationConfig/list", "{\"id\": \"" + made + "\"}"))
                    .json()
                    .getJsonArray("result");
            assertEquals(1, configs.size());
            assertEquals(
                    "first",
                    configs.getJsonObject(0)
                            .getJsonObject("pushNotificationConfig")
                            .getString("id"));

            // alice, offered the task, sees it but could lose sight of it: no push for her
            try (Api alice = new Api(base, ALICE)) {
                assertEquals(-32004, error(setPush(alice, tkiid, "{\"url\": \"" + receiver.url() + "\"}")));
            }
            // a host the administrator has not allowed, a scheme HTM does not send: invalid params
            assertEquals(-32602, error(setPush(carol, tkiid, "{\"url\": \"http://169.254.169.254/\"}")));
            assertEquals(
                    -32602,
                    error(setPush(
                            carol,
                            tkiid,
                            "{\"url\": \"" + receiver.url()
                                    + "\", \"authentication\": {\"schemes\": [\"Digest\"], \"credentials\": \"x\"}}")));
        }
    }

    @Test
    void theOriginatingAgentCancelsItsTaskOnce() throws Exception {
        Agent carol = agent(CAROL);
        String tkiid = carol.send(ask("Check this contract.", refund("checkContract", ALICE)))
                .getId();

        try (Api alice = new Api(base, ALICE)) {
            // a person offered the task is not its originator: HTM refuses, and the task goes on
            assertEquals(-32002, error(alice.post("a2a", rpc("tasks/cancel", "{\"id\": \"" + tkiid + "\"}"))));
            assertEquals("STATE_READY", alice.task(tkiid).getString("state"));
        }
        Task canceled = carol.client().cancelTask(new TaskIdParams(tkiid), carol.as());
        assertEquals(TaskState.CANCELED, canceled.getStatus().state());
        try (Api alice = new Api(base, ALICE)) {
            assertEquals("STATE_TERMINATED", alice.task(tkiid).getString("state"));
        }
        A2AClientException again = assertThrows(
                A2AClientException.class, () -> carol.client().cancelTask(new TaskIdParams(tkiid), carol.as()));
        assertEquals(-32002, code(again));
    }

    @Test
    void theAgentAnswersTheOwnersRequestForInformation() throws Exception {
        Agent carol = agent(CAROL);
        String tkiid = carol.send(ask("Approve refund 43.", refund("approveRefund", ALICE)))
                .getId();
        try (Api alice = new Api(base, ALICE)) {
            assertEquals(200, alice.act(tkiid, "claim").status());
            // the owner asks the agent, in Oracle BPM's words (seed 003)
            assertEquals(200, alice.put("bpm/api/4.0/tasks/" + tkiid, """
                    {"action": {"id": "INFO_REQUEST"}, "assignee": "carol",
                     "comment": {"commentStr": "Which order is it for?"}}""").status());
            assertEquals(TaskState.INPUT_REQUIRED, carol.get(tkiid).getStatus().state());

            Message answer =
                    new Message.Builder(ask("Order 7.", null)).taskId(tkiid).build();
            Task answered = carol.send(answer);
            assertEquals(TaskState.WORKING, answered.getStatus().state());
            List<String> history = answered.getHistory().stream()
                    .map(message -> message.getRole() + ": "
                            + ((TextPart) message.getParts().get(0)).getText())
                    .toList();
            assertEquals(List.of("AGENT: Which order is it for?", "USER: Order 7."), history);
            assertEquals(ALICE, alice.task(tkiid).getString("owner"));
        }
    }

    @Test
    void anotherAgentDoesNotSeeTheTask() throws Exception {
        String tkiid =
                agent(CAROL).send(ask("Private.", refund("privateTask", ALICE))).getId();
        A2AClientException hidden =
                assertThrows(A2AClientException.class, () -> agent(BOB).get(tkiid));
        assertEquals(-32001, code(hidden));
    }

    @Test
    void badRequestsAreJsonRpcErrorsWithA2aCodes() {
        try (Api carol = new Api(base, CAROL)) {
            assertEquals(-32700, error(carol.post("a2a", "{not json")));
            assertEquals(-32600, error(carol.post("a2a", "[]")));
            assertEquals(
                    -32600, error(carol.post("a2a", "{\"jsonrpc\": \"1.0\", \"id\": 1, \"method\": \"tasks/get\"}")));
            assertEquals(-32601, error(carol.post("a2a", rpc("tasks/nothing", "{}"))));
            assertEquals(-32602, error(carol.post("a2a", rpc("tasks/get", "{}"))));
            assertEquals(-32602, error(carol.post("a2a", rpc("tasks/get", "{\"id\": \"x\", \"historyLength\": -1}"))));
            assertEquals(-32001, error(carol.post("a2a", rpc("tasks/get", "{\"id\": \"_TKI:nothing\"}"))));
            assertEquals(
                    -32602,
                    error(carol.post(
                            "a2a",
                            rpc(
                                    "message/send",
                                    "{\"message\": {\"parts\": "
                                            + "[{\"kind\": \"data\", \"data\": {\"noName\": true}}]}}"))));
            assertEquals(
                    -32602,
                    error(
                            carol.post(
                                    "a2a",
                                    rpc(
                                            "message/send",
                                            "{\"message\": {\"metadata\": "
                                                    + "{\"skill\": \"nothing\"}, \"parts\": [{\"kind\": \"text\", \"text\": \"hi\"}]}}"))));
            assertEquals(-32001, error(carol.post("a2a", rpc("tasks/pushNotificationConfig/get", "{\"id\": \"x\"}"))));
            JsonObject notFound = carol.post("a2a", rpc("tasks/get", "{\"id\": \"_TKI:nothing\"}"))
                    .json();
            assertEquals(7, notFound.getInt("id"));
            assertEquals("2.0", notFound.getString("jsonrpc"));
            assertNotNull(notFound.getJsonObject("error").getJsonObject("data").getString("errorNumber"));
        }
        try (Api anonymous = new Api(base, null)) {
            assertEquals(
                    401,
                    anonymous.post("a2a", rpc("tasks/get", "{\"id\": \"x\"}")).status());
        }
    }

    /** The JSON-RPC error code the SDK's exception carries (its cause, A2A's error type). */
    private static int code(A2AClientException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JSONRPCError error) {
                return error.getCode();
            }
        }
        throw new AssertionError("no JSON-RPC error in " + failure, failure);
    }

    private static String rpc(String method, String params) {
        return "{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": \"" + method + "\", \"params\": " + params + "}";
    }

    private static Api.Reply setPush(Api as, String tkiid, String config) {
        return as.post(
                "a2a",
                rpc(
                        "tasks/pushNotificationConfig/set",
                        "{\"taskId\": \"" + tkiid + "\", \"pushNotificationConfig\": " + config + "}"));
    }

    private static int error(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("error").getInt("code");
    }
}
