package htm.event.boundary;

import htm.problem.entity.HtmException;
import htm.task.control.JsonInput;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook subscriptions and their deliveries (API.md §7). */
@Path("rest/bpm/htm/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class SubscriptionsResource {

    @EJB
    Subscriptions subscriptions;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createSubscription",
            summary = "Subscribe a URL to events (engineering, admin): {url, types, filter: {namespace, namePrefix, "
                    + "taskTemplateID}}; the answer shows the signing secret, the only time it is shown")
    public Response create(String body) {
        SubscriptionView subscription = subscriptions.create(JsonInput.object(body));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(subscription.id()).build())
                .entity(subscription)
                .build();
    }

    @GET
    @Operation(operationId = "listSubscriptions", summary = "The webhook subscriptions, oldest first")
    public Map<String, Object> list() {
        return Map.of("items", subscriptions.list());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSubscription", summary = "One webhook subscription")
    public SubscriptionView read(@PathParam("id") String id) {
        return subscriptions.find(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "deleteSubscription",
            summary = "Unsubscribe: the subscription and its undelivered events are removed")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    @Operation(
            operationId = "rotateSubscriptionSecret",
            summary = "A new signing secret, shown once; the previous one keeps signing too until "
                    + "previousSecretValidUntil")
    public SubscriptionView rotateSecret(@PathParam("id") String id) {
        return subscriptions.rotateSecret(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(
            operationId = "listSubscriptionDeliveries",
            summary = "The subscription's deliveries, newest event first: attempts, status, last answer")
    public Map<String, Object> deliveries(
            @PathParam("id") String id,
            @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        return Map.of("items", subscriptions.deliveries(id, status, number("limit", limit)));
    }

    private static int number(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw HtmException.invalidInput(field, "must be a whole number");
        }
    }
}
