package htm.task.boundary;

import htm.problem.entity.HtmException;
import htm.task.control.TaskFilter;
import htm.task.entity.TaskState;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Work lists: the tasks the caller may see, filtered and paged (API.md §4). */
@Path("rest/bpm/htm/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Task")
public class TasksResource {

    @EJB
    Tasks tasks;

    @GET
    @Operation(summary = "Query tasks; ordered by priority (0 is the highest), then creation time")
    public TaskList list(
            @QueryParam("state") @Parameter(description = "STATE_READY etc.; repeat or comma-separate") List<String> state,
            @QueryParam("owner") String owner,
            @QueryParam("potentialOwner") @Parameter(description = "me: tasks the caller may claim") String potentialOwner,
            @QueryParam("offset") @DefaultValue("0") String offset,
            @QueryParam("size") @DefaultValue("50") String size,
            @QueryParam("count") @DefaultValue("true") String count) {
        if (potentialOwner != null && !potentialOwner.equals("me")) {
            throw HtmException.invalidInput("potentialOwner", "only 'me' is supported");
        }
        return tasks.list(new TaskFilter(states(state), owner, potentialOwner != null,
                QueryParams.number("offset", offset, 0, Integer.MAX_VALUE), QueryParams.number("size", size, 1, TaskFilter.MAX_SIZE),
                QueryParams.flag("count", count)));
    }

    private static Set<TaskState> states(List<String> values) {
        Set<TaskState> states = EnumSet.noneOf(TaskState.class);
        values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(name -> states.add(Arrays.stream(TaskState.values()).filter(s -> s.name().equals(name))
                        .findFirst().orElseThrow(() -> HtmException.invalidInput("state",
                                "unknown state '" + name + "'; one of " + Arrays.toString(TaskState.values())))));
        return states;
    }
}
