package htm.a2a.boundary;

import static htm.task.control.JsonApi.JSON;

import htm.a2a.control.A2aTaskState;
import htm.a2a.control.A2aTasks;
import htm.a2a.control.JsonRpc;
import htm.a2a.control.JsonRpc.Failure;
import htm.compat.boundary.OneTransaction;
import htm.event.boundary.EventLog;
import htm.event.boundary.EventStreams;
import htm.problem.control.Problem;
import htm.problem.control.Problems;
import htm.problem.entity.HtmException;
import htm.security.boundary.CurrentCaller;
import htm.security.control.Role;
import htm.task.boundary.TaskData;
import htm.task.boundary.TaskView;
import htm.task.boundary.Tasks;
import htm.task.control.JsonInput;
import htm.task.control.TaskDefinitions;
import htm.task.entity.TaskState;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * HTM as an A2A server (API.md §8): JSON-RPC 2.0 over POST, the A2A 0.3 methods. An agent's message/send makes
 * a human task (the agent its originator) or, with a taskId, comments on one and answers the owner's request
 * for information; tasks/get and tasks/cancel read and terminate it; message/stream and tasks/resubscribe
 * answer Server-Sent Events of the task's updates (A2aStream). Each call is one transaction over HTM's
 * use cases, whose rules decide who may see and do what. A request or task problem is a JSON-RPC error with
 * A2A's code and HTM's error body as its data; a missing sign-in, or a role that may not call, stays HTM's 401
 * or 403.
 */
@Path("a2a")
@Tag(name = "A2A")
public class A2aResource {

    /** The longest string field taken: a text part, like a comment, is at most this long. */
    private static final int TEXT_LENGTH = 4000;

    @EJB
    Tasks tasks;

    @EJB
    TaskData data;

    @Inject
    OneTransaction oneTransaction;

    @Inject
    CurrentCaller caller;

    @EJB
    EventLog log;

    @EJB
    A2aTaskReads reads;

    @Inject
    EventStreams streams;

    @EJB
    PushConfigs pushes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "a2aCall",
            summary = "A2A JSON-RPC: message/send, tasks/get, tasks/cancel, tasks/pushNotificationConfig/*; with"
                    + " Accept: text/event-stream also message/stream and tasks/resubscribe, answered as Server-Sent"
                    + " Events (each a JSON-RPC response)")
    public Response call(String body) {
        JsonValue id = JsonValue.NULL;
        try {
            JsonObject request = request(body);
            id = request.containsKey("id") ? request.get("id") : null;
            String method = request.getString("method");
            JsonValue result = perform(method, params(request));
            return id == null ? Response.noContent().build() : answer(JsonRpc.result(id, result));
        } catch (Failure failure) {
            return id == null ? Response.noContent().build() : answer(JsonRpc.error(id, failure));
        }
    }

    /**
     * The same endpoint for a client that accepts Server-Sent Events: message/stream and tasks/resubscribe answer
     * the Task, then its updates as they commit; any other method answers one event and ends.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public void callStreaming(String body, @Context SseEventSink sink, @Context Sse sse) {
        JsonValue id = JsonValue.NULL;
        JsonObject answer;
        try {
            JsonObject request = request(body);
            id = request.containsKey("id") ? request.get("id") : JsonValue.NULL;
            String method = request.getString("method");
            JsonObject params = params(request);
            if (method.equals("message/stream") || method.equals("tasks/resubscribe")) {
                follow(id, method, params, sink, sse);
                return;
            }
            answer = JsonRpc.result(id, perform(method, params));
        } catch (Failure failure) {
            answer = JsonRpc.error(id, failure);
        }
        sink.send(sse.newEventBuilder()
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(answer.toString())
                        .build())
                .whenComplete((sent, failure) -> close(sink));
    }

    private static void close(SseEventSink sink) {
        try {
            sink.close();
        } catch (IOException e) {
            // the client is gone already
        }
    }

    /**
     * message/stream sends the message (a new task, or a message to one), tasks/resubscribe reads the task; then
     * the stream follows the task from the event before the call, so that no change after it is missed.
     */
    private void follow(JsonValue id, String method, JsonObject params, SseEventSink sink, Sse sse) {
        long before = log.newest();
        JsonObject task = translated(
                method,
                () -> oneTransaction.of(
                        () -> method.equals("message/stream") ? send(params) : task(taskId(params), 0)));
        A2aStream stream = new A2aStream(log.caller(), sink, sse, id, task, reads);
        try {
            streams.open(stream, before);
        } catch (HtmException e) {
            stream.answerOnly(); // the task is made or found: the agent has it, and asks with tasks/get
        }
    }

    private static Response answer(JsonObject answer) {
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private JsonValue perform(String method, JsonObject params) {
        return translated(method, () -> switch (method) {
            case "message/send" -> oneTransaction.of(() -> send(params));
            case "tasks/get" -> oneTransaction.of(() -> task(taskId(params), historyLength(params)));
            case "tasks/cancel" ->
                oneTransaction.of(() -> {
                    String tkiid = taskId(params);
                    tasks.terminate(tkiid, null);
                    return task(tkiid, null);
                });
            case "message/stream", "tasks/resubscribe" ->
                throw new Failure(
                        JsonRpc.UNSUPPORTED_OPERATION,
                        method + " answers Server-Sent Events: ask with Accept: text/event-stream");
            case "tasks/pushNotificationConfig/set" -> {
                String tkiid = string(params, "taskId");
                if (tkiid == null) {
                    throw invalid("taskId: the task's id");
                }
                JsonObject config = object(params, "pushNotificationConfig");
                yield pushView(pushes.set(tkiid, pushConfig(config)));
            }
            case "tasks/pushNotificationConfig/get" ->
                pushView(pushes.get(taskId(params), string(params, "pushNotificationConfigId")));
            case "tasks/pushNotificationConfig/list" -> {
                JsonArrayBuilder list = JSON.createArrayBuilder();
                pushes.list(taskId(params)).forEach(push -> list.add(pushView(push)));
                yield list.build();
            }
            case "tasks/pushNotificationConfig/delete" -> {
                String configId = string(params, "pushNotificationConfigId");
                if (configId == null) {
                    throw invalid("pushNotificationConfigId: the configuration's id");
                }
                pushes.delete(taskId(params), configId);
                yield JsonValue.NULL;
            }
            default -> throw new Failure(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + abbreviated(method));
        });
    }

    /**
     * Runs a call, a request or task problem turned into a JSON-RPC error; HTM's own 401 and 403 for a role, and
     * what HTM cannot serve now, stay HTTP answers.
     */
    private <T extends JsonValue> T translated(String method, Supplier<T> call) {
        try {
            return call.get();
        } catch (Failure failure) {
            throw failure;
        } catch (RuntimeException e) {
            Problem problem = Problems.of(e);
            boolean refusedRole = problem.status() == 403 && !(e instanceof HtmException);
            if (problem.status() == 401 || refusedRole || problem.status() >= 500) {
                throw e;
            }
            if (!caller.has(Role.ADMIN)) {
                problem = problem.withoutDetails();
            }
            throw new Failure(
                    JsonRpc.code(problem.status(), method), problem.body().errorMessage(), data(problem));
        }
    }

    /**
     * A2A's PushNotificationConfig: url, token (sent back as X-A2A-Notification-Token), id, and authentication
     * with the scheme (Bearer or Basic) and credentials HTM is to send as Authorization.
     */
    private static PushConfigs.PushConfig pushConfig(JsonObject config) {
        String id = JsonInput.string(config, "id", 100);
        if (id != null && id.isBlank()) {
            throw invalid("pushNotificationConfig.id: not blank");
        }
        String token = JsonInput.string(config, "token", 1000);
        JsonObject authentication = JsonInput.optionalObject(config, "authentication");
        String authHeader = null;
        if (authentication != null) {
            List<String> schemes = JsonInput.strings(authentication, "schemes", "authentication.schemes", 20);
            String credentials = JsonInput.string(authentication, "credentials", 2000);
            String scheme = schemes.stream()
                    .filter(named -> named.equalsIgnoreCase("Bearer") || named.equalsIgnoreCase("Basic"))
                    .findFirst()
                    .orElseThrow(() ->
                            invalid("pushNotificationConfig.authentication.schemes: HTM sends Bearer or" + " Basic"));
            if (credentials == null || credentials.isBlank() || !credentials.matches("[\\x21-\\x7e]+")) {
                throw invalid("pushNotificationConfig.authentication.credentials: the " + scheme
                        + " credentials, printable, without spaces");
            }
            authHeader = (scheme.equalsIgnoreCase("Bearer") ? "Bearer " : "Basic ") + credentials;
        }
        if (token != null && !token.matches("[\\x21-\\x7e]*")) {
            throw invalid("pushNotificationConfig.token: printable, without spaces");
        }
        return new PushConfigs.PushConfig(id, JsonInput.string(config, "url", 2000), token, authHeader);
    }

    /**
     * A2A's TaskPushNotificationConfig; the secret that signs the pushes (Standard Webhooks) only when just set,
     * as webhookSecret — a field of HTM's, which other clients pass over.
     */
    private static JsonObject pushView(PushConfigs.PushView push) {
        JsonObjectBuilder config =
                JSON.createObjectBuilder().add("id", push.id()).add("url", push.url());
        if (push.token() != null) {
            config.add("token", push.token());
        }
        if (push.authScheme() != null) {
            config.add(
                    "authentication",
                    JSON.createObjectBuilder()
                            .add("schemes", JSON.createArrayBuilder().add(push.authScheme())));
        }
        if (push.secret() != null) {
            config.add("webhookSecret", push.secret());
        }
        return JSON.createObjectBuilder()
                .add("taskId", push.taskId())
                .add("pushNotificationConfig", config)
                .build();
    }

    /** HTM's error body, as the JSON-RPC error's data. */
    private static JsonObject data(Problem problem) {
        JsonObjectBuilder data = JSON.createObjectBuilder()
                .add("errorNumber", problem.body().errorNumber())
                .add("errorMessage", problem.body().errorMessage());
        if (problem.body().errorMessageParameters() != null) {
            data.add(
                    "errorMessageParameters",
                    JSON.createArrayBuilder(problem.body().errorMessageParameters()));
        }
        if (problem.body().programmersDetails() != null) {
            data.add("programmersDetails", problem.body().programmersDetails());
        }
        return data.build();
    }

    /**
     * message/send: a message without taskId makes a task — from the skill its metadata names (a task template)
     * or from its data part (HTM's create body), its text as the description; with a taskId its text is a
     * comment on the task, and the answer to the owner's request for information when they wait for it.
     */
    private JsonObject send(JsonObject params) {
        JsonObject message = object(params, "message");
        if (!message.containsKey("parts") || message.get("parts").getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid("message.parts: a list of parts is required");
        }
        List<String> texts = new ArrayList<>();
        JsonObject task = null;
        for (JsonValue part : message.getJsonArray("parts")) {
            if (part.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("message.parts: each part is an object");
            }
            JsonObject p = part.asJsonObject();
            String kind = string(p, "kind");
            if ("text".equals(kind)) {
                texts.add(string(p, "text"));
            } else if ("data".equals(kind) && task == null) {
                task = object(p, "data");
            } else if (!"data".equals(kind)) {
                throw new Failure(JsonRpc.CONTENT_TYPE_NOT_SUPPORTED, "Incompatible content types: " + kind + " parts");
            }
        }
        String text = String.join("\n", texts).strip();
        String tkiid = string(message, "taskId");
        return tkiid == null ? create(message, params, task, text) : answer(tkiid, text);
    }

    private JsonObject create(JsonObject message, JsonObject params, JsonObject task, String text) {
        JsonObject given = task == null ? JsonValue.EMPTY_JSON_OBJECT : task;
        JsonObjectBuilder body = JSON.createObjectBuilder(given);
        boolean textIsDescription = !given.containsKey("description") && !text.isEmpty();
        if (textIsDescription) {
            body.add("description", text);
        }
        String contextId = string(message, "contextId");
        if (contextId != null && !given.containsKey("containmentContextID")) {
            body.add("containmentContextID", contextId);
        }
        String skill = skill(message, params);
        String tkiid;
        if (skill == null || skill.equals(AgentCardResource.HUMAN_TASK_SKILL)) {
            tkiid = tasks.create(TaskDefinitions.read(body.build()), true)
                    .task()
                    .tkiid();
        } else {
            tkiid = fromTemplate(skill, body.build());
        }
        if (!textIsDescription && !text.isEmpty()) {
            data.addComment(tkiid, text);
        }
        JsonObject configuration = JsonInput.optionalObject(params, "configuration");
        JsonObject push =
                configuration == null ? null : JsonInput.optionalObject(configuration, "pushNotificationConfig");
        if (push != null) {
            pushes.set(tkiid, pushConfig(push)); // in the same transaction: a push refused makes no task
        }
        return task(tkiid, null);
    }

    private String fromTemplate(String skill, JsonObject body) {
        try {
            return tasks.createFromTemplate(skill, body, true).task().tkiid();
        } catch (HtmException e) {
            if (e.status() == 404) {
                throw invalid("metadata.skill: no skill " + abbreviated(skill) + " (see the agent card)");
            }
            throw e;
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private JsonObject answer(String tkiid, String text) {
        TaskView task = tasks.find(tkiid).task();
        if (A2aTaskState.isTerminal(A2aTaskState.of(task.state(), false))) {
            throw new Failure(JsonRpc.UNSUPPORTED_OPERATION, "Task " + tkiid + " has ended: it takes no message");
        }
        if (text.isEmpty()) {
            throw invalid("message.parts: a message to a task needs a text part");
        }
        data.addComment(tkiid, text);
        if (A2aTasks.inputRequired(task) && caller.name().equals(task.delegate())) {
            tasks.resolve(tkiid, null);
        }
        return task(tkiid, null);
    }

    /** The task as A2A's Task, read in the call's transaction. */
    private JsonObject task(String tkiid, Integer historyLength) {
        TaskView task = tasks.find(tkiid).task();
        return A2aTasks.task(
                new A2aTasks.Snapshot(
                        task,
                        data.output(tkiid),
                        task.state() == TaskState.STATE_FAILED ? data.fault(tkiid) : null,
                        data.comments(tkiid)),
                historyLength);
    }

    private static String skill(JsonObject message, JsonObject params) {
        for (JsonObject holder : new JsonObject[] {message, params}) {
            JsonObject metadata = JsonInput.optionalObject(holder, "metadata");
            String skill = metadata == null ? null : string(metadata, "skill");
            if (skill != null) {
                return skill;
            }
        }
        return null;
    }

    private static JsonObject request(String body) {
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new Failure(JsonRpc.PARSE_ERROR, "Invalid JSON payload");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Failure(JsonRpc.INVALID_REQUEST, "Invalid JSON-RPC Request: one request object (no batches)");
        }
        JsonObject request = value.asJsonObject();
        JsonValue id = request.get("id");
        boolean idIsValid = id == null
                || id.getValueType() == JsonValue.ValueType.STRING
                || id.getValueType() == JsonValue.ValueType.NUMBER
                || id.getValueType() == JsonValue.ValueType.NULL;
        JsonValue method = request.get("method");
        if (!idIsValid
                || !JSON.createValue("2.0").equals(request.get("jsonrpc"))
                || method == null
                || method.getValueType() != JsonValue.ValueType.STRING) {
            throw new Failure(JsonRpc.INVALID_REQUEST, "Invalid JSON-RPC Request: jsonrpc \"2.0\", a method and an id");
        }
        return request;
    }

    private static JsonObject params(JsonObject request) {
        JsonValue params = request.get("params");
        if (params == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (params.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("params: an object");
        }
        return params.asJsonObject();
    }

    private static String taskId(JsonObject params) {
        String id = string(params, "id");
        if (id == null || id.isBlank() || id.length() > 36) {
            throw invalid("id: the task's id");
        }
        return id;
    }

    private static Integer historyLength(JsonObject params) {
        Integer length = JsonInput.integer(params, "historyLength");
        if (length != null && length < 0) {
            throw invalid("historyLength: a whole number, 0 or more");
        }
        return length;
    }

    private static JsonObject object(JsonObject holder, String field) {
        JsonObject object = JsonInput.optionalObject(holder, field);
        if (object == null) {
            throw invalid(field + ": an object is required");
        }
        return object;
    }

    private static String string(JsonObject holder, String field) {
        return JsonInput.string(holder, field, TEXT_LENGTH);
    }

    private static Failure invalid(String problem) {
        return new Failure(JsonRpc.INVALID_PARAMS, "Invalid method parameters: " + problem);
    }
}
