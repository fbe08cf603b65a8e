package htm.compat.boundary;

import static htm.task.control.JsonApi.JSON;

import htm.compat.control.SeedStatus;
import htm.problem.entity.HtmException;
import htm.security.boundary.CurrentCaller;
import htm.task.boundary.TaskData;
import htm.task.boundary.TaskView;
import htm.task.boundary.Tasks;
import htm.task.control.JsonInput;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "itentialClaimTask",
            summary = "Claim a manual task: {task_id, user}; a user other than the caller is made the owner as "
                    + "HTM's assign does it (for task administrators and support; the user must be a potential owner)")
    public JsonObject claim(String body) {
        JsonObject request = JsonInput.object(body);
        String taskId = required(request, "task_id");
        String user = required(request, "user");
        TaskView task = (user.equals(caller.name()) ? tasks.claim(taskId, null) : tasks.claimFor(taskId, user)).task();
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
        JsonObjectBuilder metrics = JSON.createObjectBuilder();
        put(metrics, "owner", task.owner());
        put(metrics, "start_time", start);
        put(metrics, "end_time", end);
        put(metrics, "claim_time", claimed);
        put(metrics, "run_time", start == null ? null : (end == null ? System.currentTimeMillis() : end) - start);
        put(metrics, "finish_state", SeedStatus.itentialFinishState(task.state()));
        JsonObjectBuilder result =
                JSON.createObjectBuilder().add("_id", task.tkiid()).add("name", task.name());
        put(result, "summary", task.displayName() == null ? task.name() : task.displayName());
        put(result, "displayName", task.displayName() == null ? task.name() : task.displayName());
        result.add("type", "manual");
        result.add("status", SeedStatus.itentialTask(task.state()));
        put(result, "description", task.description());
        put(result, "app", task.applicationName());
        put(result, "job", task.containmentContextID());
        result.add("deprecated", false).add("scheduled", false).add("metrics", metrics);
        result.add(
                "variables",
                JSON.createObjectBuilder()
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
                : JSON.createReader(new StringReader(json)).readValue();
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
