package htm.security.boundary;

import htm.problem.entity.HtmException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * A browser signed in to the worklist page sends its cookie with every request, also with one another site
 * makes it send. So a state-changing request that carries no credentials of its own (no Authorization
 * header) must carry the page's header X-Requested-By, which a cross-site form or script cannot add without
 * our consent (HTM allows no cross-origin requests). Signing in needs it always: else another site's form could
 * sign the browser in as the attacker (login CSRF), whose work list the victim would then fill.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class CrossSiteRequestGuard implements ContainerRequestFilter {

    public static final String HEADER = "X-Requested-By";
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String SIGN_IN = "ui/session";

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || request.getHeaderString(HEADER) != null) {
            return;
        }
        if (request.getUriInfo().getPath().replaceFirst("^/+", "").equals(SIGN_IN)) {
            throw new HtmException(
                    403, "HTM0403E", "Signing in needs the " + HEADER + " header (cross-site requests are refused).");
        }
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getCookies().isEmpty()) {
            return;
        }
        throw new HtmException(
                403,
                "HTM0403E",
                "A request made with a browser's cookie needs the " + HEADER
                        + " header (cross-site requests are refused).");
    }
}
