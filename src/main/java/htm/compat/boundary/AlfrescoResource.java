package htm.compat.boundary;

import static htm.task.control.JsonApi.JSON;

import htm.compat.control.SeedStatus;
import htm.problem.entity.HtmException;
import htm.task.boundary.TaskView;
import htm.task.boundary.Tasks;
import htm.task.boundary.VersionedTask;
import htm.task.control.JsonInput;
import htm.task.control.TaskDefinitions;
import htm.task.entity.TaskUpdate;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Alfresco's task state transitions (seed 002) over the HTM use cases: claimed, unclaimed, completed,
 * delegated, resolved. As Alfresco does, an illegal transition answers 400, and the user who started the
 * process may claim, unclaim, complete and resolve (AlfrescoTasks).
 */
@Path("alfresco/api/{network}/public/workflow/versions/1/tasks/{taskId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alfresco")
public class AlfrescoResource {

    private static final Set<String> SELECTABLE =
            Set.of("state", "assignee", "variables", "name", "description", "dueAt", "priority");

    /** Alfresco's tenant, "-default-" on a single-tenant server; HTM has one task store for every network. */
    @PathParam("network")
    String network;

    @EJB
    Tasks tasks;

    @EJB
    AlfrescoTasks alfresco;

    @Inject
    OneTransaction oneTransaction;

    @GET
    @Operation(operationId = "alfrescoGetTask", summary = "The task as an Alfresco entry")
    public JsonObject read(@PathParam("taskId") String taskId) {
        return entry(tasks.find(taskId).task());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "alfrescoUpdateTask",
            summary =
                    "Change the properties named in select: state (claimed, unclaimed, completed, delegated "
                            + "with assignee, resolved), variables (with completed or resolved), name, description, dueAt, priority")
    public JsonObject update(@PathParam("taskId") String taskId, @QueryParam("select") String select, String body) {
        Set<String> selected = selection(select);
        JsonObject request = JsonInput.object(body);
        String state = selected.contains("state") ? JsonInput.string(request, "state", 40) : null;
        boolean withVariables = selected.contains("variables") && request.containsKey("variables");
        if (withVariables && !"completed".equals(state) && !"resolved".equals(state)) {
            throw HtmException.invalidInput("variables", "variables are set only when completing or resolving a task");
        }
        TaskUpdate update = update(request, selected);
        String output = withVariables ? variables(request) : null;
        String assignee = selected.contains("assignee") ? JsonInput.string(request, "assignee", 255) : null;
        TaskView changed = oneTransaction.of(() -> {
            TaskView latest =
                    update == null ? null : tasks.update(taskId, update, null).task();
            return state == null
                    ? latest
                    : transition(() -> switch (state) {
                        case "claimed" -> alfresco.claim(taskId);
                        case "unclaimed" -> alfresco.unclaim(taskId);
                        case "completed" -> alfresco.complete(taskId, output);
                        case "delegated" -> {
                            if (assignee == null || assignee.isBlank()) {
                                throw HtmException.invalidInput(
                                        "assignee", "delegating needs the assignee, in select too");
                            }
                            yield tasks.delegate(taskId, assignee, null);
                        }
                        case "resolved" -> alfresco.resolve(taskId);
                        default ->
                            throw HtmException.invalidInput(
                                    "state", "one of claimed, unclaimed, completed, delegated, resolved");
                    });
        });
        return entry(changed != null ? changed : tasks.find(taskId).task());
    }

    /** Alfresco reports an illegal state transition as a bad request. */
    private static TaskView transition(Supplier<VersionedTask> change) {
        try {
            return change.get().task();
        } catch (HtmException e) {
            if (e.status() != 409) {
                throw e;
            }
            throw new HtmException(
                    400, "HTM0400E", e.getMessage(), e.parameters().toArray(String[]::new));
        }
    }

    private static Set<String> selection(String select) {
        if (select == null || select.isBlank()) {
            throw HtmException.invalidInput("select", "name the properties to update, such as select=state,variables");
        }
        Set<String> selected = new LinkedHashSet<>(Arrays.asList(select.split(",")));
        selected.removeIf(String::isBlank);
        for (String property : selected) {
            if (!SELECTABLE.contains(property.trim())) {
                throw HtmException.invalidInput("select", "unknown property '" + property + "'; one of " + SELECTABLE);
            }
        }
        return selected.stream().map(String::trim).collect(Collectors.toSet());
    }

    private static TaskUpdate update(JsonObject request, Set<String> selected) {
        JsonObjectBuilder fields = JSON.createObjectBuilder();
        if (selected.contains("name") && request.containsKey("name")) {
            fields.add("displayName", request.get("name"));
        }
        if (selected.contains("description") && request.containsKey("description")) {
            fields.add("description", request.get("description"));
        }
        if (selected.contains("dueAt") && request.containsKey("dueAt")) {
            fields.add("dueTime", request.get("dueAt"));
        }
        if (selected.contains("priority") && request.containsKey("priority")) {
            fields.add("priority", request.get("priority"));
        }
        JsonObject changes = fields.build();
        return changes.isEmpty() ? null : TaskDefinitions.update(changes);
    }

    /** The variables become the task's output: {name: value, …}. */
    private static String variables(JsonObject request) {
        JsonValue value = request.get("variables");
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw HtmException.invalidInput("variables", "must be an array of {name, type, value, scope}");
        }
        JsonObjectBuilder output = JSON.createObjectBuilder();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT
                    || !(item.asJsonObject().get("name") instanceof JsonString)
                    || !item.asJsonObject().containsKey("value")) {
                throw HtmException.invalidInput("variables", "each variable needs a name and a value");
            }
            output.add(
                    item.asJsonObject().getString("name"), item.asJsonObject().get("value"));
        }
        return output.build().toString();
    }

    static JsonObject entry(TaskView task) {
        JsonObjectBuilder entry = JSON.createObjectBuilder().add("id", task.tkiid());
        put(
                entry,
                "processId",
                task.containmentContextID() != null ? task.containmentContextID() : task.topLevelTaskID());
        put(
                entry,
                "processDefinitionId",
                task.namespace() == null ? task.name() : task.namespace() + ":" + task.name());
        put(entry, "activityDefinitionId", task.name());
        put(entry, "name", task.displayName() == null ? task.name() : task.displayName());
        put(entry, "description", task.description());
        put(entry, "dueAt", task.dueTime());
        put(entry, "startedAt", task.activationTime());
        put(entry, "endedAt", task.completionTime());
        if (task.activationTime() != null && task.completionTime() != null) {
            entry.add(
                    "durationInMs",
                    Duration.between(Instant.parse(task.activationTime()), Instant.parse(task.completionTime()))
                            .toMillis());
        } else {
            entry.addNull("durationInMs");
        }
        entry.add("priority", task.priority());
        put(entry, "owner", task.owner());
        put(entry, "assignee", task.delegate() != null ? task.delegate() : task.owner());
        entry.addNull("formResourceKey");
        entry.add("state", SeedStatus.alfresco(task.state(), task.delegate() != null));
        return JSON.createObjectBuilder().add("entry", entry).build();
    }

    private static void put(JsonObjectBuilder builder, String name, String value) {
        if (value == null) {
            builder.addNull(name);
        } else {
            builder.add(name, value);
        }
    }
}
