package htm.problem.boundary;

import htm.problem.control.Problem;
import htm.problem.control.Problems;
import htm.problem.entity.HtmException;
import htm.security.boundary.CrossSiteRequestGuard;
import htm.security.boundary.CurrentCaller;
import htm.security.control.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure leaves the server here, as the HTM error body. Stack traces go to administrators only. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Inject
    CurrentCaller caller;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = Problems.of(failure);
        if (problem.status() == 503) {
            LOG.warning("Request refused: " + problem.body().errorMessage());
        } else if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "Request failed", failure);
        }
        // a role check failed for no one in particular: the caller must sign in; HTM's own refusals stay 403
        if (problem.status() == 403 && !caller.isSignedIn() && !(failure instanceof HtmException)) {
            problem = Problems.of(HtmException.unauthenticated());
        }
        if (!caller.has(Role.ADMIN)) {
            problem = problem.withoutDetails();
        }
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(problem.body());
        Problems.retryAfter(failure).ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        // the worklist page signs in by itself: a Basic challenge would open the browser's own dialog
        if (problem.status() == 401 && headers.getHeaderString(CrossSiteRequestGuard.HEADER) == null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, challenge());
        }
        return response.build();
    }

    /** A refused bearer token is told so (RFC 6750); anyone else is asked for Basic credentials. */
    private String challenge() {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.strip().regionMatches(true, 0, "Bearer", 0, 6)
                ? "Bearer realm=\"htm\", error=\"invalid_token\""
                : "Basic realm=\"htm\"";
    }
}
