package htm.job.boundary;

import htm.problem.entity.HtmException;
import htm.task.control.JsonInput;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Jobs on the HTM API: create one, then create its tasks with containmentContextID = the job's id. */
@Path("rest/bpm/htm/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Job")
public class JobsResource {

    @EJB
    Jobs jobs;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createJob",
            summary = "Create a job: {name, watchers}; its tasks name it as their containmentContextID")
    public Response create(String body) {
        JsonObject request = JsonInput.object(body);
        String name = JsonInput.string(request, "name", 255);
        if (name == null || name.isBlank()) {
            throw HtmException.invalidInput("name", "a job needs a name");
        }
        JobSnapshot job = jobs.create(name, JsonInput.strings(request, "watchers", "watchers", 255));
        return Response.created(uri.getAbsolutePathBuilder().path(job.id()).build())
                .entity(job)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getJob", summary = "A job with the tasks of it the caller may see")
    public JobSnapshot read(@PathParam("id") String id) {
        return jobs.find(id);
    }
}
