package htm.template.boundary;

import htm.task.control.JsonInput;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** POST and GET /taskTemplates, GET /taskTemplate/{tktid}. */
@Path("rest/bpm/htm/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Task template")
public class TaskTemplatesResource {

    @EJB
    TaskTemplates templates;

    @Context
    UriInfo uri;

    @POST
    @Path("taskTemplates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createTaskTemplate",
            summary = "Define a task template (engineering, admin): the fields of a task's create body as "
                    + "defaults, and an escalation chain \"escalations\": [{name, after, whenStillIn, raisePriorityTo, "
                    + "escalationReceivers, transferToGroup, notification}]")
    public Response create(String body) {
        TemplateView template = templates.create(JsonInput.object(body));
        return Response.created(uri.getBaseUriBuilder()
                        .path(TaskTemplatesResource.class)
                        .path("taskTemplate")
                        .path(template.tktid())
                        .build())
                .entity(template)
                .build();
    }

    @GET
    @Path("taskTemplates")
    @Operation(operationId = "listTaskTemplates", summary = "The task templates, by name")
    public Map<String, Object> list() {
        return Map.of("identifier", "tktid", "items", templates.list());
    }

    @GET
    @Path("taskTemplate/{tktid}")
    @Operation(operationId = "getTaskTemplate", summary = "One task template")
    public TemplateView read(@PathParam("tktid") String tktid) {
        return templates.find(tktid);
    }
}
