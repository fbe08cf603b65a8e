package htm.worklist.boundary;

import htm.worklist.control.WorkListFilters;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Work lists: the tasks the caller may see, filtered, ordered and paged (API.md §4). */
@Path("rest/bpm/htm/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Task")
public class TasksResource {

    @EJB
    WorkLists workLists;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            operationId = "listTasks",
            summary = "Query tasks. Filters combine (all must hold); ordered by priority (0 is the highest), "
                    + "then creation time, unless orderBy says otherwise; page by offset and size, or after the cursor "
                    + "'next' of the previous page")
    @Parameters({
        @Parameter(
                name = "state",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.STRING),
                description = "STATE_READY etc.; repeat or comma-separate"),
        @Parameter(name = "owner", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
        @Parameter(
                name = "potentialOwner",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.STRING),
                description = "me: tasks the caller may claim, " + "directly or through a group, unless excluded"),
        @Parameter(
                name = "group",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.STRING),
                description = "a group among the potential owners"),
        @Parameter(name = "originator", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
        @Parameter(name = "priority", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER)),
        @Parameter(name = "priorityMin", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER)),
        @Parameter(name = "priorityMax", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER)),
        @Parameter(name = "dueBefore", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
        @Parameter(name = "dueAfter", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
        @Parameter(name = "createdAfter", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
        @Parameter(name = "name", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
        @Parameter(name = "namePrefix", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
        @Parameter(name = "kind", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
        @Parameter(name = "isSuspended", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN)),
        @Parameter(name = "isEscalated", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN)),
        @Parameter(
                name = "customProperty.{name}",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.STRING),
                description = "customProperty.region=EU"),
        @Parameter(
                name = "input.{key}",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.STRING),
                description = "a condition on a field of the task's input, nested keys joined by '.':"
                        + " input.orderId=42, input.customer.tier>=2, input.amount>1000 (the whole condition as the"
                        + " name), input.region!=EU, input.note=null (missing or null). The value's form gives its"
                        + " type: a number, true or false, an ISO-8601 time with an offset, \"quoted\" text, or"
                        + " else text; a field of another type never matches. At most 16 such conditions"),
        @Parameter(
                name = "output.{key}",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.STRING),
                description = "the same, on the task's output: output.approved=true"),
        @Parameter(name = "parentTaskID", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
        @Parameter(
                name = "orderBy",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.STRING),
                description = "priority, dueTime, activationTime, name, "
                        + "creationTime; each asc or desc; comma-separated: 'priority,dueTime desc'"),
        @Parameter(name = "offset", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER)),
        @Parameter(
                name = "size",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.INTEGER),
                description = "1 to 500, default 50"),
        @Parameter(
                name = "after",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.STRING),
                description = "the 'next' cursor of the previous page"),
        @Parameter(
                name = "count",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.BOOLEAN),
                description = "false skips the total")
    })
    public TaskList list() {
        return workLists.list(WorkListFilters.read(uri.getQueryParameters()));
    }

    @GET
    @Path("filter")
    @Operation(
            operationId = "queryTasks",
            summary = "Query tasks with an HTM where clause, such as TASK.STATE = TASK.STATE.STATE_READY AND "
                    + "TASK.PRIORITY < 3 AND WORK_ITEM.REASON = WORK_ITEM.REASON.REASON_POTENTIAL_OWNER, or by the "
                    + "task's data: TASK.INPUT.amount > 1000 AND TASK.INPUT.customer.name LIKE 'Ac%' (the supported "
                    + "subset is in the README); a clause outside it answers 400 naming the position")
    @Parameters({
        @Parameter(name = "whereClause", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
        @Parameter(
                name = "orderByClause",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.STRING),
                description = "TASK.PRIORITY ASC, TASK.DUE DESC"),
        @Parameter(name = "offset", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER)),
        @Parameter(name = "size", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER)),
        @Parameter(name = "after", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
        @Parameter(name = "count", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN))
    })
    public TaskList filter() {
        return workLists.list(WorkListFilters.readClauses(uri.getQueryParameters()));
    }
}
