package htm.a2a.control;

import static htm.task.control.JsonApi.JSON;

import htm.task.boundary.CommentView;
import htm.task.boundary.TaskData.Fault;
import htm.task.boundary.TaskView;
import htm.task.entity.TaskState;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Objects;

/**
 * An HTM task as the A2A protocol's Task (0.3): its id is the tkiid, its context the containment context (or the
 * top-level task), its status from A2aTaskState, the output of a finished task as an artifact with a data part,
 * and its comments as the history — the agent's own as role "user" (it asked), the people's as role "agent"
 * (they answer for HTM).
 */
public final class A2aTasks {

    private A2aTasks() {}

    /** What a task says, read in one go: the task, its output (null if none), its fault (null), its comments. */
    public record Snapshot(TaskView task, String output, Fault fault, List<CommentView> comments) {}

    /** The Task with at most historyLength messages of its history, the newest (null: all of it). */
    public static JsonObject task(Snapshot snapshot, Integer historyLength) {
        TaskView task = snapshot.task();
        String contextId = contextId(task);
        List<CommentView> comments = snapshot.comments();
        int from = historyLength == null ? 0 : Math.max(0, comments.size() - historyLength);
        JsonArrayBuilder history = JSON.createArrayBuilder();
        for (CommentView comment : comments.subList(from, comments.size())) {
            String role = Objects.equals(comment.author(), task.originator()) ? "user" : "agent";
            history.add(
                    message(task.tkiid() + "-comment-" + comment.id(), role, task.tkiid(), contextId, comment.text()));
        }
        JsonObjectBuilder answer = JSON.createObjectBuilder()
                .add("kind", "task")
                .add("id", task.tkiid())
                .add("contextId", contextId)
                .add("status", status(snapshot))
                .add("history", history);
        JsonObject artifact = artifact(snapshot.output());
        if (artifact != null) {
            answer.add("artifacts", JSON.createArrayBuilder().add(artifact));
        }
        return answer.add("metadata", metadata(task)).build();
    }

    /** The A2A state the task is in. */
    public static String state(TaskView task) {
        return A2aTaskState.of(task.state(), inputRequired(task));
    }

    /** A stream's TaskStatusUpdateEvent: the task's status now, final when the task has ended. */
    public static JsonObject statusUpdate(Snapshot snapshot) {
        TaskView task = snapshot.task();
        return JSON.createObjectBuilder()
                .add("kind", "status-update")
                .add("taskId", task.tkiid())
                .add("contextId", contextId(task))
                .add("status", status(snapshot))
                .add("final", A2aTaskState.isTerminal(state(task)))
                .build();
    }

    /** A stream's TaskArtifactUpdateEvent: the output, whole; null when the task has none. */
    public static JsonObject artifactUpdate(Snapshot snapshot) {
        JsonObject artifact = artifact(snapshot.output());
        if (artifact == null) {
            return null;
        }
        TaskView task = snapshot.task();
        return JSON.createObjectBuilder()
                .add("kind", "artifact-update")
                .add("taskId", task.tkiid())
                .add("contextId", contextId(task))
                .add("artifact", artifact)
                .add("append", false)
                .add("lastChunk", true)
                .build();
    }

    private static JsonObject status(Snapshot snapshot) {
        TaskView task = snapshot.task();
        JsonObjectBuilder status = JSON.createObjectBuilder().add("state", state(task));
        if (task.lastModificationTime() != null) {
            status.add("timestamp", task.lastModificationTime());
        }
        String failure = failure(task, snapshot.fault());
        if (failure != null) {
            status.add("message", message(task.tkiid() + "-failure", "agent", task.tkiid(), contextId(task), failure));
        }
        return status.build();
    }

    /** A Message of one text part. */
    public static JsonObject message(String messageId, String role, String taskId, String contextId, String text) {
        return JSON.createObjectBuilder()
                .add("kind", "message")
                .add("messageId", messageId)
                .add("role", role)
                .add("taskId", taskId)
                .add("contextId", contextId)
                .add(
                        "parts",
                        JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder()
                                        .add("kind", "text")
                                        .add("text", text)))
                .build();
    }

    /** The context a task belongs to: its containment context, else the top of its hierarchy. */
    public static String contextId(TaskView task) {
        if (task.containmentContextID() != null) {
            return task.containmentContextID();
        }
        return task.topLevelTaskID() != null ? task.topLevelTaskID() : task.tkiid();
    }

    /** Whether the owner waits for the originator's answer to an information request. */
    public static boolean inputRequired(TaskView task) {
        return Boolean.TRUE.equals(task.isAwaitingInformation())
                && task.delegate() != null
                && task.delegate().equals(task.originator());
    }

    /** Why a failed or expired task ended, for its status message; null for any other. */
    private static String failure(TaskView task, Fault fault) {
        if (task.state() == TaskState.STATE_EXPIRED) {
            return "The task expired before it was done.";
        }
        if (task.state() != TaskState.STATE_FAILED || fault == null || fault.faultName() == null) {
            return null;
        }
        return fault.faultName() + (fault.message() == null ? "" : ": " + fault.message());
    }

    /**
     * The output as a data part (an output that is not an object is under "value"), with its outcome if any;
     * null when there is no output.
     */
    private static JsonObject artifact(String output) {
        if (output == null || output.isBlank()) {
            return null;
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(output))) {
            value = reader.readValue();
        }
        JsonObject data = value.getValueType() == JsonValue.ValueType.OBJECT
                ? value.asJsonObject()
                : JSON.createObjectBuilder().add("value", value).build();
        JsonObjectBuilder artifact = JSON.createObjectBuilder()
                .add("artifactId", "output")
                .add("name", "output")
                .add(
                        "parts",
                        JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder()
                                        .add("kind", "data")
                                        .add("data", data)));
        JsonValue outcome = data.get("outcome");
        if (outcome != null && outcome.getValueType() == JsonValue.ValueType.STRING) {
            artifact.add("metadata", JSON.createObjectBuilder().add("outcome", outcome));
        }
        return artifact.build();
    }

    private static JsonObjectBuilder metadata(TaskView task) {
        JsonObjectBuilder htm = JSON.createObjectBuilder()
                .add("name", task.name())
                .add("state", task.state().name())
                .add("isSuspended", Boolean.TRUE.equals(task.isSuspended()));
        if (task.owner() != null) {
            htm.add("owner", task.owner());
        }
        if (task.priority() != null) {
            htm.add("priority", task.priority());
        }
        return JSON.createObjectBuilder().add("htm", htm);
    }
}
