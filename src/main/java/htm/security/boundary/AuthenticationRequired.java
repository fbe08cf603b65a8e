package htm.security.boundary;

import htm.problem.entity.HtmException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API call needs an authenticated caller. Liberty authenticates the credentials a request carries;
 * rejecting here, not in the web container, lets a 401 leave as the HTM error body like every other error.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationRequired implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            throw HtmException.unauthenticated();
        }
    }
}
