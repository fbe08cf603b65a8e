package htm.deadline.boundary;

import htm.problem.entity.HtmException;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GET /escalation/{esiid}, PUT /escalation/{esiid}?action=trigger. */
@Path("rest/bpm/htm/v1/escalation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Escalation")
public class EscalationResource {

    @EJB
    Escalations escalations;

    @GET
    @Path("{esiid}")
    @Operation(operationId = "getEscalation", summary = "One escalation of a task the caller may see")
    public EscalationView read(@PathParam("esiid") String esiid) {
        return escalations.find(esiid);
    }

    @PUT
    @Path("{esiid}")
    @Operation(
            operationId = "actOnEscalation",
            summary = "action=trigger: escalate now (the task's originator or administrators, support, "
                    + "engineering, admin)")
    public EscalationView act(@PathParam("esiid") String esiid, @QueryParam("action") String action) {
        if (!"trigger".equals(action)) {
            throw HtmException.invalidInput("action", "only trigger is known");
        }
        return escalations.trigger(esiid);
    }
}
