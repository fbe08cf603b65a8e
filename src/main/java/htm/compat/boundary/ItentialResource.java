package htm.compat.boundary;

import htm.problem.entity.HtmException;
import htm.security.control.Role;
import htm.task.boundary.TaskData;
import htm.task.boundary.TaskView;
import htm.task.boundary.Tasks;
import htm.task.control.JsonInput;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Itential's claim endpoint (seed 000), over the same use cases as the HTM API. */
@Path("workflow_engine/tasks/claim")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Itential")
public class ItentialResource {

    @EJB
    Tasks tasks;

    @EJB
    TaskData data;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Claim a manual task: {task_id, user}; user is the caller, unless the caller is admin or "
                    + "support (then the user must be named as a potential owner)")
    public JsonObject claim(String body) {
        JsonObject request = JsonInput.object(body);
        String taskId = required(request, "task_id");
        String user = required(request, "user");
        String caller = security.getUserPrincipal().getName();
        TaskView task;
        if (user.equals(caller)) {
            task = tasks.claim(taskId, null).task();
        } else if (security.isUserInRole(Role.ADMIN_NAME) || security.isUserInRole(Role.SUPPORT_NAME)) {
            task = tasks.claimFor(taskId, user).task();
        } else {
            throw new HtmException(
                    403,
                    "HTM0403E",
                    "User " + caller + " may claim only for themselves, not for " + user + ".",
                    caller,
                    "claim",
                    taskId);
        }
        return itential(task, data.input(taskId), data.output(taskId));
    }

    private static String required(JsonObject request, String field) {
        String value = JsonInput.string(request, field, 255);
        if (value == null || value.isBlank()) {
            throw HtmException.invalidInput(field, "required");
        }
        return value;
    }

    /** A task in Itential's shape: metrics in epoch milliseconds, input and output as variables. */
    static JsonObject itential(TaskView task, String input, String output) {
        Long start = millis(task.activationTime());
        Long claimed = millis(task.startTime());
        Long end = millis(task.completionTime());
        JsonObjectBuilder metrics = Json.createObjectBuilder();
        put(metrics, "owner", task.owner());
        put(metrics, "start_time", start);
        put(metrics, "end_time", end);
        put(metrics, "claim_time", claimed);
        put(metrics, "run_time", start == null ? null : (end == null ? System.currentTimeMillis() : end) - start);
        put(
                metrics,
                "finish_state",
                switch (task.state()) {
                    case "STATE_FINISHED", "STATE_FORWARDED" -> "success";
                    case "STATE_FAILED" -> "error";
                    case "STATE_TERMINATED", "STATE_EXPIRED" -> "canceled";
                    default -> null;
                });
        JsonObjectBuilder result =
                Json.createObjectBuilder().add("_id", task.tkiid()).add("name", task.name());
        put(result, "summary", task.displayName() == null ? task.name() : task.displayName());
        put(result, "displayName", task.displayName() == null ? task.name() : task.displayName());
        result.add("type", "manual");
        result.add(
                "status",
                switch (task.state()) {
                    case "STATE_INACTIVE", "STATE_READY" -> "incomplete";
                    case "STATE_CLAIMED" -> "running";
                    case "STATE_FINISHED", "STATE_FORWARDED" -> "complete";
                    case "STATE_FAILED" -> "error";
                    default -> "canceled";
                });
        put(result, "description", task.description());
        put(result, "app", task.applicationName());
        put(result, "job", task.containmentContextID());
        result.add("deprecated", false).add("scheduled", false).add("metrics", metrics);
        result.add(
                "variables",
                Json.createObjectBuilder()
                        .add("incoming", document(input))
                        .add("outgoing", document(output))
                        .add("error", ""));
        return result.build();
    }

    private static Long millis(String time) {
        return time == null ? null : Instant.parse(time).toEpochMilli();
    }

    private static JsonValue document(String json) {
        return json == null
                ? JsonValue.EMPTY_JSON_OBJECT
                : Json.createReader(new StringReader(json)).readValue();
    }

    private static void put(JsonObjectBuilder builder, String name, Object value) {
        if (value == null) {
            builder.addNull(name);
        } else if (value instanceof Long number) {
            builder.add(name, number);
        } else {
            builder.add(name, value.toString());
        }
    }
}
