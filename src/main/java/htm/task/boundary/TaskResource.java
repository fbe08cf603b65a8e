package htm.task.boundary;

import htm.problem.entity.HtmException;
import htm.task.control.JsonInput;
import htm.task.control.TaskDefinitions;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One task: create, read, act on it, read its messages and audit trail (API.md §4). */
@Path("rest/bpm/htm/v1/task")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Task")
public class TaskResource {

    @EJB
    Tasks tasks;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a task; it starts (STATE_READY) unless mode=createOnly (STATE_INACTIVE)")
    @RequestBody(content = @Content(schema = @Schema(implementation = TaskCreation.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response create(@QueryParam("mode") @Parameter(description = "createOnly") String mode, String body) {
        if (mode != null && !mode.equals("createOnly")) {
            throw HtmException.invalidInput("mode", "only createOnly is known");
        }
        VersionedTask created = tasks.create(TaskDefinitions.read(JsonInput.object(body)), mode == null);
        return Response.created(uri.getAbsolutePathBuilder().path(created.task().tkiid()).build())
                .tag(created.etag()).entity(created.task()).build();
    }

    @GET
    @Path("{tkiid}")
    @Operation(summary = "Read a task")
    @APIResponse(responseCode = "200", description = "The task; its ETag header is its version",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response read(@PathParam("tkiid") String tkiid) {
        return withEtag(tasks.find(tkiid));
    }

    @PUT
    @Path("{tkiid}")
    @Operation(summary = "Act on a task: claim, cancelClaim, complete (body = output)")
    @RequestBody(description = "for complete: the output message, any JSON",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "The task after the action",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response act(@PathParam("tkiid") String tkiid, @QueryParam("action") String action,
                        @QueryParam("keepTaskData") @DefaultValue("false") String keepTaskData,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context HttpHeaders headers,
                        String body) {
        if (action == null) {
            throw HtmException.invalidInput("action", "required, such as claim, cancelClaim or complete");
        }
        return withEtag(switch (action) {
            case "claim" -> tasks.claim(tkiid, ifMatch);
            case "cancelClaim" -> tasks.cancelClaim(tkiid, QueryParams.flag("keepTaskData", keepTaskData), ifMatch);
            case "complete" -> tasks.complete(tkiid, RequestBodies.json(headers, body, "output"), ifMatch);
            default -> throw HtmException.invalidInput("action", "unknown action '" + action + "'");
        });
    }

    @GET
    @Path("{tkiid}/input")
    @Operation(summary = "The task's input message, as it was given")
    @APIResponse(responseCode = "204", description = "The task has no input")
    public Response input(@PathParam("tkiid") String tkiid) {
        return document(tasks.input(tkiid));
    }

    @GET
    @Path("{tkiid}/output")
    @Operation(summary = "The task's output message (draft or final)")
    @APIResponse(responseCode = "204", description = "The task has no output yet")
    public Response output(@PathParam("tkiid") String tkiid) {
        return document(tasks.output(tkiid));
    }

    @GET
    @Path("{tkiid}/history")
    @Operation(summary = "The task's audit trail, oldest first")
    public HistoryView history(@PathParam("tkiid") String tkiid) {
        return HistoryView.of(tasks.history(tkiid));
    }

    private static Response withEtag(VersionedTask task) {
        return Response.ok(task.task()).tag(task.etag()).build();
    }

    private static Response document(String json) {
        return json == null ? Response.noContent().build() : Response.ok(json, MediaType.APPLICATION_JSON).build();
    }
}
