package htm.security.boundary;

import htm.problem.entity.HtmException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API call needs an authenticated caller ({@link CallerAuthentication} checks the credentials a request
 * carries); rejecting here, not in the web container, lets a 401 leave as the HTM error body like every other
 * error, saying why the credentials were refused.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationRequired implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    CurrentCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> target = resource.getResourceClass();
        if (target != null && target.isAnnotationPresent(Public.class)) {
            return;
        }
        if (!caller.isSignedIn()) {
            Object refusal = servletRequest.getAttribute(CallerAuthentication.REFUSAL);
            if (servletRequest.getAttribute(CallerAuthentication.RETRY_AFTER) instanceof Long seconds) {
                throw HtmException.tooManyAttempts(refusal.toString(), seconds);
            }
            throw refusal == null
                    ? HtmException.unauthenticated()
                    : new HtmException(401, "HTM0401E", refusal.toString());
        }
    }
}
