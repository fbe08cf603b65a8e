package htm.a2a.boundary;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * A2A's endpoint answers JSON, or Server-Sent Events to a client that asks for them (message/stream,
 * tasks/resubscribe; any other method is then one event). A client that accepts both gets the events; one that
 * names no type, or any type, JSON.
 */
@Provider
@PreMatching
public class A2aAccept implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getMethod().equals(HttpMethod.POST)
                || !request.getUriInfo().getPath().replaceFirst("^/+", "").equals("a2a")) {
            return;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        boolean events = accept != null && accept.contains(MediaType.SERVER_SENT_EVENTS);
        request.getHeaders()
                .putSingle(HttpHeaders.ACCEPT, events ? MediaType.SERVER_SENT_EVENTS : MediaType.APPLICATION_JSON);
    }
}
