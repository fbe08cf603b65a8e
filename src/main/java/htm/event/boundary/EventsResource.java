package htm.event.boundary;

import htm.event.control.EventFilter;
import htm.problem.entity.HtmException;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's live stream of task events as Server-Sent Events (API.md §7). */
@Path("rest/bpm/htm/v1/events")
@Tag(name = "Events")
public class EventsResource {

    @EJB
    EventLog log;

    @Inject
    EventStreams streams;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            operationId = "streamEvents",
            summary = "The events of the tasks the caller may see, as they commit: SSE id = event id, event = type, "
                    + "data = the CloudEvents JSON; a comment line now and then keeps a quiet stream open")
    @Parameters({
        @Parameter(
                name = "potentialOwner",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.STRING, enumeration = "me"),
                description = "me: events of tasks offered to the caller"),
        @Parameter(
                name = "owner",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.STRING, enumeration = "me"),
                description = "me: events of tasks the caller owns (with potentialOwner=me: either)"),
        @Parameter(
                name = "types",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.STRING),
                description = "event types, comma-separated: htm.task.claimed or claimed"),
        @Parameter(
                name = "lastEventId",
                in = ParameterIn.QUERY,
                schema = @Schema(type = SchemaType.INTEGER),
                description = "as the Last-Event-ID header, for clients that cannot set it")
    })
    public void stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        EventFilter filter = EventFilter.parse(uri.getQueryParameters());
        String resume =
                lastEventId != null ? lastEventId : uri.getQueryParameters().getFirst("lastEventId");
        streams.open(log.caller(), filter, resume == null ? null : eventId(resume), sink, sse);
    }

    private static long eventId(String text) {
        try {
            long id = Long.parseLong(text.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HtmException.invalidInput(HttpHeaders.LAST_EVENT_ID_HEADER, "must be the id of an event");
    }
}
