package htm.compat.boundary;

import static htm.task.control.JsonApi.JSON;

import htm.compat.control.SeedStatus;
import htm.problem.entity.HtmException;
import htm.routing.control.RouteRequests;
import htm.routing.entity.RouteRequest;
import htm.security.boundary.CurrentCaller;
import htm.security.control.Role;
import htm.task.boundary.TaskData;
import htm.task.boundary.TaskView;
import htm.task.boundary.Tasks;
import htm.task.boundary.VersionedTask;
import htm.task.control.JsonInput;
import htm.task.control.TaskDefinitions;
import htm.task.entity.Assignment;
import htm.task.entity.HistoryEntry;
import htm.task.entity.PeopleRole;
import htm.task.entity.TaskState;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Oracle BPM's task actions (seed 003) over the HTM use cases. Outcomes (APPROVE, REJECT or the task's own)
 * complete the task with {"outcome": …}; the others map to HTM actions; comments become task comments.
 */
@Path("bpm/api/4.0/tasks/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Oracle BPM")
public class OracleBpmResource {

    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    @EJB
    Tasks tasks;

    @EJB
    TaskData data;

    @Inject
    OneTransaction oneTransaction;

    @Inject
    CurrentCaller caller;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "oracleActOnTask",
            summary = "Perform an action: APPROVE, REJECT or a custom outcome, ACQUIRE, RELEASE, SUSPEND, RESUME, "
                    + "WITHDRAW, REASSIGN, DELEGATE and INFO_REQUEST (with assignee), INFO_SUBMIT, PUSHBACK, ERROR, SAVE, DELETE, "
                    + "PURGE, ESCALATE, ADHOC_ROUTE (routingType, identities or assignees, votersPercentage, "
                    + "defaultActionForGroupVote, routingAction), SKIP_CURRENT_ASSIGNMENT")
    public JsonObject act(@PathParam("id") String id, String body) {
        if (id.isBlank() || id.length() > 36) {
            throw HtmException.invalidInput("id", "not a task number");
        }
        JsonObject request = JsonInput.object(body);
        JsonObject action = JsonInput.optionalObject(request, "action");
        String name = action == null ? null : JsonInput.string(action, "id", 64);
        if (name == null || !ACTION.matcher(name).matches()) {
            throw HtmException.invalidInput("action.id", "an action such as APPROVE, REJECT or ACQUIRE");
        }
        String comment = comment(request);
        Integer priority = JsonInput.integer(request, "priority");
        String assignee = JsonInput.string(request, "assignee", 255);
        VersionedTask result = oneTransaction.of(() -> {
            if (priority != null) {
                tasks.update(
                        id,
                        TaskDefinitions.update(JSON.createObjectBuilder()
                                .add("priority", priority)
                                .build()),
                        null);
            }
            if (name.equals("PURGE")) {
                purge(id);
                return null;
            }
            if (comment != null) {
                data.addComment(id, comment);
            }
            return name.equals("DELETE") ? deleted(id) : perform(id, name, assignee, request);
        });
        if (name.equals("PURGE")) {
            return JSON.createObjectBuilder()
                    .add("title", "Task " + id + " successfully purged")
                    .build();
        }
        if (name.equals("DELETE")) {
            return oracle(result.task(), null, List.of());
        }
        return oracle(
                result.task(),
                ifStillVisible(() -> data.output(id), null),
                ifStillVisible(() -> tasks.history(id), List.of()));
    }

    private VersionedTask perform(String id, String name, String assignee, JsonObject request) {
        return switch (name) {
            case "ACQUIRE" -> tasks.claim(id, null);
            case "RELEASE" -> tasks.cancelClaim(id, false, null);
            case "SUSPEND" -> tasks.suspend(id, null, null);
            case "RESUME" -> tasks.resume(id, null);
            case "WITHDRAW" -> tasks.terminate(id, null);
            case "SAVE" -> data.saveOutput(id, payload(request), null);
            case "ERROR" -> tasks.completeWithFault(id, "ERROR", payload(request), null);
            case "REASSIGN" -> reassign(id, required(assignee));
            case "DELEGATE" -> tasks.delegate(id, required(assignee), null);
            case "PUSHBACK" -> tasks.pushBack(id);
            case "INFO_REQUEST" -> tasks.requestInformation(id, required(assignee));
            case "INFO_SUBMIT" -> tasks.resolve(id, null);
            case "ADHOC_ROUTE" -> route(id, RouteRequests.of(request, participants(request)));
            case "SKIP_CURRENT_ASSIGNMENT" -> tasks.skipCurrentAssignment(id);
            case "ESCALATE" -> tasks.escalateToReceivers(id);
            default -> complete(id, name, request);
        };
    }

    /** What the caller may still read after an action that took the task out of their hands (INFO_SUBMIT). */
    private static <T> T ifStillVisible(Supplier<T> read, T otherwise) {
        try {
            return read.get();
        } catch (HtmException e) {
            if (e.status() != 404) {
                throw e;
            }
            return otherwise;
        }
    }

    /** An outcome ends the task; a ready task the caller may claim is claimed first, as Oracle does. */
    private VersionedTask complete(String id, String outcome, JsonObject request) {
        claimIfReady(id);
        JsonObjectBuilder output = JSON.createObjectBuilder().add("outcome", outcome);
        JsonValue payload = request.get("payload");
        if (payload != null && payload.getValueType() == JsonValue.ValueType.OBJECT) {
            payload.asJsonObject().forEach(output::add);
        }
        return tasks.complete(id, output.build().toString(), null);
    }

    private VersionedTask route(String id, RouteRequest route) {
        claimIfReady(id);
        return tasks.route(id, route, null);
    }

    private void claimIfReady(String id) {
        if (tasks.find(id).task().state() == TaskState.STATE_READY) {
            tasks.claim(id, null);
        }
    }

    private VersionedTask reassign(String id, String assignee) {
        TaskView task = tasks.find(id).task();
        if (task.state() == TaskState.STATE_CLAIMED) {
            throw HtmException.invalidInput("action.id", "REASSIGN a claimed task through the HTM owner transfer");
        }
        return tasks.claimFor(id, assignee);
    }

    /** DELETE ends an active task and removes it; the answer is the task as it was last. */
    private VersionedTask deleted(String id) {
        VersionedTask task = endIfActive(id);
        tasks.delete(id, null);
        return task;
    }

    private void purge(String id) {
        if (!caller.has(Role.ADMIN)) {
            throw new HtmException(403, "HTM0403E", "Only an administrator purges tasks.", id);
        }
        endIfActive(id);
        tasks.delete(id, null);
    }

    private VersionedTask endIfActive(String id) {
        VersionedTask task = tasks.find(id);
        return task.task().state().isWorking() ? tasks.terminate(id, null) : task;
    }

    /**
     * Whom an ADHOC_ROUTE asks: "identities" [{"id", "type": "user" | "group"}], or the user names in
     * "assignees" (or the one "assignee").
     */
    private static List<Assignment> participants(JsonObject request) {
        List<Assignment> participants = new ArrayList<>();
        JsonValue identities = request.get("identities");
        if (identities != null && identities.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue identity : identities.asJsonArray()) {
                if (identity.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw HtmException.invalidInput("identities", "each identity is {\"id\", \"type\"}");
                }
                String who = required(JsonInput.string(identity.asJsonObject(), "id", 255));
                boolean group = "group".equalsIgnoreCase(JsonInput.string(identity.asJsonObject(), "type", 20));
                participants.add(new Assignment(PeopleRole.POTENTIAL_OWNER, group, who));
            }
        }
        JsonInput.strings(request, "assignees", "assignees", 255)
                .forEach(user -> participants.add(Assignment.user(PeopleRole.POTENTIAL_OWNER, user)));
        String assignee = JsonInput.string(request, "assignee", 255);
        if (assignee != null) {
            participants.add(Assignment.user(PeopleRole.POTENTIAL_OWNER, assignee));
        }
        return participants;
    }

    private static String required(String assignee) {
        if (assignee == null || assignee.isBlank()) {
            throw HtmException.invalidInput("assignee", "name the user");
        }
        return assignee;
    }

    private static String comment(JsonObject request) {
        JsonObject comment = JsonInput.optionalObject(request, "comment");
        String text = comment == null ? null : JsonInput.string(comment, "commentStr", 4000);
        if (text == null) {
            text = JsonInput.string(request, "comments", 4000);
        }
        return text == null || text.isBlank() ? null : text;
    }

    private static String payload(JsonObject request) {
        JsonValue payload = request.get("payload");
        return payload == null ? "{}" : payload.toString();
    }

    /** The seed's Task shape: id, kind, contextId, status, history, artifacts, metadata, final. */
    static JsonObject oracle(TaskView task, String output, List<HistoryEntry> history) {
        String state = SeedStatus.oracle(task.state(), Boolean.TRUE.equals(task.isAwaitingInformation()));
        JsonObjectBuilder status =
                JSON.createObjectBuilder().add("state", state).add("timestamp", task.lastModificationTime());
        JsonArrayBuilder artifacts = JSON.createArrayBuilder();
        if (output != null) {
            artifacts.add(JSON.createObjectBuilder()
                    .add("artifactId", "output")
                    .add("name", "output")
                    .add(
                            "parts",
                            JSON.createArrayBuilder()
                                    .add(JSON.createObjectBuilder()
                                            .add("kind", "text")
                                            .add("type", "application/json")
                                            .add("text", output))));
        }
        JsonObjectBuilder metadata = JSON.createObjectBuilder()
                .add("htmState", task.state().name())
                .add("priority", task.priority())
                .add("isSuspended", task.isSuspended());
        if (task.owner() != null) {
            metadata.add("owner", task.owner());
        }
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry entry = history.get(i);
            String text = entry.action().htmName() + " by " + entry.principal()
                    + (entry.details() == null || entry.details().isBlank() ? "" : ": " + entry.details());
            messages.add(JSON.createObjectBuilder()
                    .add("kind", "message")
                    .add("messageId", task.tkiid() + "-" + i)
                    .add("role", "agent")
                    .add("taskId", task.tkiid())
                    .add(
                            "parts",
                            JSON.createArrayBuilder()
                                    .add(JSON.createObjectBuilder()
                                            .add("kind", "text")
                                            .add("text", text))));
        }
        return JSON.createObjectBuilder()
                .add("id", task.tkiid())
                .add("kind", "task")
                .add(
                        "contextId",
                        task.containmentContextID() != null ? task.containmentContextID() : task.topLevelTaskID())
                .add("status", status)
                .add("history", messages)
                .add("artifacts", artifacts)
                .add("metadata", metadata)
                .add("final", state.equals("completed") || state.equals("failed") || state.equals("canceled"))
                .build();
    }
}
