package htm.security.boundary;

import htm.problem.entity.HtmException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API call needs an authenticated caller. Liberty authenticates the credentials a request carries;
 * rejecting here, not in the web container, lets a 401 leave as the HTM error body like every other error.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationRequired implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> target = resource.getResourceClass();
        if (target != null && target.isAnnotationPresent(Public.class)) {
            return;
        }
        if (request.getSecurityContext().getUserPrincipal() == null) {
            throw HtmException.unauthenticated();
        }
    }
}
