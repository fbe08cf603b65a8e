package htm.task.boundary;

import htm.deadline.boundary.Escalations;
import htm.history.boundary.HistoryView;
import htm.problem.entity.HtmException;
import htm.routing.control.RouteRequests;
import htm.security.boundary.SecurityHeaders;
import htm.task.control.JsonInput;
import htm.task.control.TaskDefinitions;
import htm.task.control.Times;
import htm.task.entity.BinaryCustomProperty;
import htm.task.entity.Comment;
import htm.task.entity.TaskUpdate;
import htm.worklist.boundary.Bulk;
import htm.worklist.boundary.TaskList;
import htm.worklist.boundary.WorkQueue;
import htm.worklist.control.WorkListFilters;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One task: create it, read it, act on it, read its audit trail and subtasks (API.md §4). */
@Path("rest/bpm/htm/v1/task")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Task")
public class TaskResource {

    @EJB
    Escalations escalations;

    @EJB
    Tasks tasks;

    @EJB
    TaskData data;

    @EJB
    TaskPeople people;

    @EJB
    WorkQueue workQueue;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createTask",
            summary = "Create a task (started, STATE_READY, unless mode=createOnly); with relation=subTask "
                    + "and parentTaskID, a subtask of a task the caller owns")
    @RequestBody(content = @Content(schema = @Schema(implementation = TaskCreation.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response create(
            @QueryParam("mode") @Parameter(description = "createOnly") String mode,
            @QueryParam("relation") @Parameter(description = "subTask") String relation,
            @QueryParam("parentTaskID") String parentTaskID,
            @QueryParam("taskTemplateID") @Parameter(description = "defaults and escalations " + "from this template")
                    String taskTemplateID,
            String body) {
        if (mode != null && !mode.equals("createOnly")) {
            throw HtmException.invalidInput("mode", "only createOnly is known");
        }
        JsonObject request = JsonInput.object(body);
        String parent = subtaskOf(relation, parentTaskID);
        if (taskTemplateID != null && parent != null) {
            throw HtmException.invalidInput("taskTemplateID", "a subtask is not made from a template");
        }
        VersionedTask created = taskTemplateID != null
                ? tasks.createFromTemplate(taskTemplateID, request, mode == null)
                : parent == null
                        ? tasks.create(TaskDefinitions.read(request), mode == null)
                        : tasks.createSubtask(parent, TaskDefinitions.read(request), mode == null);
        return Response.created(uri.getBaseUriBuilder()
                        .path(TaskResource.class)
                        .path(created.task().tkiid())
                        .build())
                .tag(created.etag())
                .entity(created.task())
                .build();
    }

    @PUT
    @Operation(
            operationId = "actOnTasks",
            summary =
                    "action=claimNext (with the filters of GET /tasks): claim the best ready task for the caller, "
                            + "204 when there is none. Any other action (claim, cancelClaim, complete, suspend, resume, terminate, "
                            + "transfer, update) with a body {\"taskIDs\": [...]}: apply it to each task, each in its own transaction")
    @RequestBody(
            description = "bulk: taskIDs, and per action: output (complete), toUser (transfer), the fields "
                    + "to change (update)",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "200",
            description =
                    "claimNext: the claimed task; bulk: {failedOperations: " + "[{tkiid, errorNumber, errorMessage}]}")
    @APIResponse(responseCode = "204", description = "claimNext: no task to claim")
    public Response actOnMany(
            @QueryParam("action") String action,
            @QueryParam("deadline") String deadline,
            @QueryParam("duration") String duration,
            @Context HttpHeaders headers,
            String body) {
        if ("claimNext".equals(action)) {
            return workQueue
                    .claimNext(WorkListFilters.read(uri.getQueryParameters()))
                    .map(TaskResource::withEtag)
                    .orElseGet(() -> Response.noContent().build());
        }
        JsonObject request = RequestBodies.object(headers, body);
        List<String> ids = JsonInput.strings(request, "taskIDs", "taskIDs", 36);
        if (ids.isEmpty() || ids.size() > Bulk.MAX_TASKS) {
            throw HtmException.invalidInput("taskIDs", "name 1 to " + Bulk.MAX_TASKS + " tasks");
        }
        return Response.ok(Bulk.each(ids, bulkAction(action, request, deadline, duration)))
                .build();
    }

    private Consumer<String> bulkAction(String action, JsonObject request, String deadline, String duration) {
        if (action == null) {
            throw HtmException.invalidInput("action", "required: claimNext, or a bulk action");
        }
        return switch (action) {
            case "claim" -> tkiid -> tasks.claim(tkiid, null);
            case "cancelClaim" ->
                tkiid -> tasks.cancelClaim(tkiid, Boolean.TRUE.equals(JsonInput.bool(request, "keepTaskData")), null);
            case "complete" -> {
                String output = request.containsKey("output")
                        ? JsonInput.document(request.get("output").toString(), "output")
                        : null;
                yield tkiid -> tasks.complete(tkiid, output, null);
            }
            case "suspend" -> {
                Instant until = resumption(deadline, duration);
                yield tkiid -> tasks.suspend(tkiid, until, null);
            }
            case "resume" -> tkiid -> tasks.resume(tkiid, null);
            case "terminate" -> tkiid -> tasks.terminate(tkiid, null);
            case "transfer" -> {
                String toUser = QueryParams.name("toUser", JsonInput.string(request, "toUser", 255));
                yield tkiid -> people.transferOwnership(tkiid, null, toUser, null);
            }
            case "update" -> {
                TaskUpdate update = TaskDefinitions.update(request);
                yield tkiid -> tasks.update(tkiid, update, null);
            }
            default -> throw HtmException.invalidInput("action", "unknown bulk action '" + action + "'");
        };
    }

    private static String subtaskOf(String relation, String parentTaskID) {
        if (relation == null && parentTaskID == null) {
            return null;
        }
        if (!"subTask".equals(relation)) {
            throw HtmException.invalidInput("relation", "only subTask is known, and it goes with parentTaskID");
        }
        if (parentTaskID == null || parentTaskID.isBlank()) {
            throw HtmException.invalidInput("parentTaskID", "required with relation=subTask");
        }
        return parentTaskID;
    }

    @GET
    @Path("actions")
    @Operation(
            operationId = "getTaskActions",
            summary = "For each task, the actions (ACTION_*) the caller may take on it now")
    public Map<String, Object> actions(@QueryParam("taskIDs") @Parameter(description = "comma-separated") String ids) {
        if (ids == null || ids.isBlank()) {
            throw HtmException.invalidInput("taskIDs", "name one or more tasks, comma-separated");
        }
        List<String> tkiids = Arrays.stream(ids.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        if (tkiids.size() > 500) {
            throw HtmException.invalidInput("taskIDs", "at most 500 tasks at a time");
        }
        return Map.of("identifier", "tkiid", "items", tasks.actions(tkiids));
    }

    @GET
    @Path("{tkiid}")
    @Operation(operationId = "getTask", summary = "Read a task")
    @APIResponse(
            responseCode = "200",
            description = "The task; its ETag header is its version",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response read(@PathParam("tkiid") String tkiid) {
        return withEtag(tasks.find(tkiid));
    }

    @PUT
    @Path("{tkiid}")
    @Operation(
            operationId = "actOnTask",
            summary = "Act on a task: update, start, claim, cancelClaim, complete, suspend, resume, terminate, "
                    + "suspendAndCancelClaim, restart, delegate, resolve, completeWithFollowOnTask")
    @RequestBody(
            description = "complete: the output (or, with faultName, the fault); update: the fields to "
                    + "change; completeWithFollowOnTask: the follow-on task",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "200",
            description = "The task after the action",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response act(
            @PathParam("tkiid") String tkiid,
            @QueryParam("action") String action,
            @QueryParam("keepTaskData") @DefaultValue("false") String keepTaskData,
            @QueryParam("faultName") String faultName,
            @QueryParam("deadline") @Parameter(description = "suspend until this time") String deadline,
            @QueryParam("duration") @Parameter(description = "suspend for this long (ISO-8601)") String duration,
            @QueryParam("toUser") @Parameter(description = "delegate: who works the task") String toUser,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context HttpHeaders headers,
            String body) {
        if (action == null) {
            throw HtmException.invalidInput("action", "required, such as claim, cancelClaim or complete");
        }
        return withEtag(
                switch (action) {
                    case "claim" -> tasks.claim(tkiid, ifMatch);
                    case "cancelClaim" ->
                        tasks.cancelClaim(tkiid, QueryParams.flag("keepTaskData", keepTaskData), ifMatch);
                    case "complete" ->
                        faultName == null
                                ? tasks.complete(tkiid, RequestBodies.json(headers, body, "output"), ifMatch)
                                : tasks.completeWithFault(
                                        tkiid,
                                        QueryParams.name("faultName", faultName),
                                        RequestBodies.json(headers, body, "fault"),
                                        ifMatch);
                    case "update" ->
                        tasks.update(tkiid, TaskDefinitions.update(RequestBodies.object(headers, body)), ifMatch);
                    case "start" -> tasks.start(tkiid, ifMatch);
                    case "suspend" -> tasks.suspend(tkiid, resumption(deadline, duration), ifMatch);
                    case "resume" -> tasks.resume(tkiid, ifMatch);
                    case "terminate" -> tasks.terminate(tkiid, ifMatch);
                    case "suspendAndCancelClaim" ->
                        tasks.suspendAndCancelClaim(tkiid, resumption(deadline, duration), ifMatch);
                    case "restart" -> tasks.restart(tkiid, ifMatch);
                    case "delegate" -> tasks.delegate(tkiid, QueryParams.name("toUser", toUser), ifMatch);
                    case "resolve" -> tasks.resolve(tkiid, ifMatch);
                    case "completeWithFollowOnTask" ->
                        tasks.completeWithFollowOnTask(
                                tkiid, TaskDefinitions.read(RequestBodies.object(headers, body)), ifMatch);
                    case "route" ->
                        tasks.route(tkiid, RouteRequests.read(RequestBodies.object(headers, body)), ifMatch);
                    case "skipCurrentAssignment" -> tasks.skipCurrentAssignment(tkiid);
                    case "escalate" -> tasks.escalateToReceivers(tkiid);
                    default -> throw HtmException.invalidInput("action", "unknown action '" + action + "'");
                });
    }

    /** When a suspended task resumes by itself: at a deadline, or after a duration; null for never. */
    private static Instant resumption(String deadline, String duration) {
        if (deadline != null && duration != null) {
            throw HtmException.invalidInput("deadline", "give a deadline or a duration, not both");
        }
        Instant now = Instant.now();
        Instant until = null;
        if (deadline != null) {
            until = Times.parse(deadline).orElseThrow(() -> HtmException.invalidInput("deadline", Times.EXPECTED));
        } else if (duration != null) {
            until = TaskDefinitions.after(now, "duration", duration);
        }
        if (until != null && !until.isAfter(now)) {
            throw HtmException.invalidInput(deadline != null ? "deadline" : "duration", "must lie in the future");
        }
        return until;
    }

    @DELETE
    @Path("{tkiid}")
    @Operation(
            operationId = "deleteTask",
            summary = "Delete a task that has ended or was never started, with its history")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("tkiid") String tkiid, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        tasks.delete(tkiid, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{tkiid}/escalationInfo")
    @Operation(operationId = "getTaskEscalations", summary = "The task's escalations, in the order of its chain")
    public Map<String, Object> escalationInfo(@PathParam("tkiid") String tkiid) {
        return Map.of("identifier", "esiid", "items", escalations.ofTask(tkiid));
    }

    @GET
    @Path("{tkiid}/history")
    @Operation(operationId = "getTaskHistory", summary = "The task's audit trail, oldest first")
    public HistoryView history(@PathParam("tkiid") String tkiid) {
        return HistoryView.of(tasks.history(tkiid));
    }

    @GET
    @Path("{tkiid}/subtasks")
    @Operation(operationId = "getSubtasks", summary = "The task's subtasks (and their follow-on tasks)")
    public TaskList subtasks(@PathParam("tkiid") String tkiid) {
        return tasks.subtasks(tkiid);
    }

    @GET
    @Path("{tkiid}/input")
    @Operation(operationId = "getTaskInput", summary = "The task's input message, as it was given")
    @APIResponse(responseCode = "204", description = "The task has no input")
    public Response input(@PathParam("tkiid") String tkiid) {
        return document(data.input(tkiid));
    }

    @PUT
    @Path("{tkiid}/input")
    @Operation(
            operationId = "replaceTaskInput",
            summary = "Replace the input of a task that has not ended (originator, editors, administrators)")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT, description = "any JSON")))
    public Response replaceInput(
            @PathParam("tkiid") String tkiid,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context HttpHeaders headers,
            String body) {
        return withEtag(data.replaceInput(tkiid, RequestBodies.requiredJson(headers, body, "input"), ifMatch));
    }

    @GET
    @Path("{tkiid}/output")
    @Operation(operationId = "getTaskOutput", summary = "The task's output message (the saved draft, or the final one)")
    @APIResponse(responseCode = "204", description = "The task has no output yet")
    public Response output(@PathParam("tkiid") String tkiid) {
        return document(data.output(tkiid));
    }

    @PUT
    @Path("{tkiid}/output")
    @Operation(
            operationId = "saveTaskOutput",
            summary = "Save a draft output while the task is claimed (owner or delegate)")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT, description = "any JSON")))
    public Response saveOutput(
            @PathParam("tkiid") String tkiid,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context HttpHeaders headers,
            String body) {
        return withEtag(data.saveOutput(tkiid, RequestBodies.requiredJson(headers, body, "output"), ifMatch));
    }

    @GET
    @Path("{tkiid}/fault")
    @Operation(
            operationId = "getTaskFault",
            summary = "The fault message the task failed with (its name in the X-HTM-Fault-Name header)")
    @APIResponse(responseCode = "204", description = "The task has no fault")
    public Response fault(@PathParam("tkiid") String tkiid) {
        TaskData.Fault fault = data.fault(tkiid);
        Response.ResponseBuilder response = fault.message() == null
                ? Response.noContent()
                : Response.ok(fault.message(), MediaType.APPLICATION_JSON);
        return fault.faultName() == null
                ? response.build()
                : response.header("X-HTM-Fault-Name", fault.faultName()).build();
    }

    @PUT
    @Path("{tkiid}/fault")
    @Operation(
            operationId = "saveTaskFault",
            summary = "Save the fault a claimed task will end with (owner or delegate)")
    public Response saveFault(
            @PathParam("tkiid") String tkiid,
            @QueryParam("faultName") String faultName,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context HttpHeaders headers,
            String body) {
        return withEtag(data.saveFault(
                tkiid, QueryParams.name("faultName", faultName), RequestBodies.json(headers, body, "fault"), ifMatch));
    }

    @GET
    @Path("{tkiid}/role/{role}")
    @Operation(
            operationId = "getTaskPeople",
            summary = "The users and groups named in one role of the task: potentialOwner, excludedOwner, owner, "
                    + "administrator, editor, reader, originator, starter, escalationReceiver")
    public TaskPeople.Named named(@PathParam("tkiid") String tkiid, @PathParam("role") String role) {
        return people.named(tkiid, PeopleChange.role(role));
    }

    @PUT
    @Path("{tkiid}/role/{role}")
    @Operation(
            operationId = "changeTaskPeople",
            summary = "action=transfer (fromUser or fromGroup, toUser or toGroup) or action=assign "
                    + "(newUser or newGroup); for owner, transfer hands a claimed task on and assign claims a ready one "
                    + "on the new user's behalf")
    public Response changePeople(
            @PathParam("tkiid") String tkiid,
            @PathParam("role") String role,
            @QueryParam("action") String action,
            @QueryParam("fromUser") String fromUser,
            @QueryParam("fromGroup") String fromGroup,
            @QueryParam("toUser") String toUser,
            @QueryParam("toGroup") String toGroup,
            @QueryParam("newUser") String newUser,
            @QueryParam("newGroup") String newGroup,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PeopleChange change = PeopleChange.of(role, action, fromUser, fromGroup, toUser, toGroup, newUser, newGroup);
        return withEtag(
                switch (change.kind()) {
                    case TRANSFER_OWNER ->
                        people.transferOwnership(tkiid, fromUser, change.to().principal(), ifMatch);
                    case ASSIGN_OWNER -> people.assignOwner(tkiid, change.to().principal(), ifMatch);
                    case CHANGE_LIST -> people.transferWorkItem(tkiid, change.from(), change.to(), ifMatch);
                });
    }

    @GET
    @Path("{tkiid}/comments")
    @Operation(operationId = "getTaskComments", summary = "The comments on the task, oldest first")
    public Map<String, List<CommentView>> comments(@PathParam("tkiid") String tkiid) {
        return Map.of("items", data.comments(tkiid));
    }

    @POST
    @Path("{tkiid}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "addTaskComment",
            summary = "Comment on a task the caller can see; author and time come from the server")
    @RequestBody(content = @Content(schema = @Schema(implementation = CommentText.class)))
    @APIResponse(
            responseCode = "201",
            description = "The comment",
            content = @Content(schema = @Schema(implementation = CommentView.class)))
    public Response addComment(@PathParam("tkiid") String tkiid, String body) {
        String text = JsonInput.string(JsonInput.object(body), "text", Comment.MAX_LENGTH);
        if (text == null || text.isBlank()) {
            throw HtmException.invalidInput("text", "a comment needs text");
        }
        return Response.status(Response.Status.CREATED)
                .entity(data.addComment(tkiid, text))
                .build();
    }

    /** The body of a new comment. */
    public record CommentText(String text) {}

    @GET
    @Path("{tkiid}/binaryCustomProperty/{name}")
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "getBinaryCustomProperty",
            summary = "The bytes of a binary custom property, with the media type it was stored with")
    public Response binaryCustomProperty(@PathParam("tkiid") String tkiid, @PathParam("name") String name) {
        BinaryCustomProperty property = data.binaryCustomProperty(tkiid, name)
                .orElseThrow(() -> new HtmException(
                        404,
                        "HTM0404E",
                        "Task " + tkiid + " has no binary custom property " + name + ".",
                        tkiid,
                        name));
        return Response.ok(property.content(), property.mediaType())
                .header("Content-Disposition", property.disposition())
                .header(SecurityHeaders.CONTENT_SECURITY_POLICY, "sandbox; default-src 'none'; frame-ancestors 'none'")
                .build();
    }

    @PUT
    @Path("{tkiid}/binaryCustomProperty/{name}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "setBinaryCustomProperty",
            summary =
                    "Store a binary custom property (at most htm.limits.binary.bytes, 1 MiB); its media type is kept as metadata")
    @APIResponse(responseCode = "200", description = "Stored; the ETag header carries the task's new version")
    @APIResponse(responseCode = "413", description = "Larger than htm.limits.binary.bytes")
    public Response storeBinaryCustomProperty(
            @PathParam("tkiid") String tkiid,
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context HttpHeaders headers,
            byte[] content) {
        MediaType type =
                headers.getMediaType() == null ? MediaType.APPLICATION_OCTET_STREAM_TYPE : headers.getMediaType();
        return withEtag(data.setBinaryCustomProperty(
                tkiid,
                QueryParams.name("name", name),
                type.toString(),
                content == null ? new byte[0] : content,
                ifMatch));
    }

    @DELETE
    @Path("{tkiid}/binaryCustomProperty/{name}")
    @Operation(operationId = "removeBinaryCustomProperty", summary = "Remove a binary custom property")
    public Response removeBinaryCustomProperty(
            @PathParam("tkiid") String tkiid,
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(data.removeBinaryCustomProperty(tkiid, name, ifMatch));
    }

    static Response withEtag(VersionedTask task) {
        return Response.ok(task.task()).tag(task.etag()).build();
    }

    private static Response document(String json) {
        return json == null
                ? Response.noContent().build()
                : Response.ok(json, MediaType.APPLICATION_JSON).build();
    }
}
