package htm.page.boundary;

import htm.problem.entity.HtmException;
import htm.security.boundary.CallerAuthentication;
import htm.security.boundary.Public;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-in for the worklist page: the user name and password are checked by the server's user registry
 * (CallerAuthentication), and Liberty keeps the browser signed in with its single sign-on cookie
 * (LtpaToken2). API clients go on sending Basic credentials or bearer tokens instead.
 */
@Path("ui/session")
@Public
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Worklist page")
public class SignIn {

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Inject
    SecurityContext authentication;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(
            operationId = "signIn",
            summary = "Sign in with username and password (form fields); 401 when they do not match")
    public Map<String, Object> signIn(@FormParam("username") String username, @FormParam("password") String password) {
        if (username == null || username.isBlank() || password == null) {
            throw HtmException.invalidInput("username", "sign in with a user name and a password");
        }
        try {
            if (request.getUserPrincipal() != null) {
                request.logout();
            }
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
        AuthenticationStatus status = authentication.authenticate(
                request,
                secureOverTls(response),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, password))
                        .newAuthentication(true));
        if (request.getAttribute(CallerAuthentication.RETRY_AFTER) instanceof Long seconds) {
            throw HtmException.tooManyAttempts(
                    request.getAttribute(CallerAuthentication.REFUSAL).toString(), seconds);
        }
        if (status != AuthenticationStatus.SUCCESS) {
            throw new HtmException(401, "HTM0401E", "The user name or the password is wrong.");
        }
        return whoAmI();
    }

    /**
     * Signed in over HTTPS, the browser must never send its cookie over plain HTTP (Secure); Liberty marks it so only
     * where every sign-in must come over HTTPS (ssoRequiresSSL, htm.sso.requires.ssl).
     */
    private HttpServletResponse secureOverTls(HttpServletResponse response) {
        if (!request.isSecure()) {
            return response;
        }
        return new HttpServletResponseWrapper(response) {
            @Override
            public void addCookie(Cookie cookie) {
                cookie.setSecure(true);
                super.addCookie(cookie);
            }
        };
    }

    @GET
    @Operation(operationId = "whoAmI", summary = "Who is signed in, and whether they administer HTM")
    public Map<String, Object> whoAmI() {
        if (request.getUserPrincipal() == null) {
            throw HtmException.unauthenticated();
        }
        return Map.of("user", request.getUserPrincipal().getName(), "admin", request.isUserInRole("admin"));
    }

    @DELETE
    @Operation(operationId = "signOut", summary = "Sign out")
    public Response signOut() throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }
}
