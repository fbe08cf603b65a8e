package htm.problem.boundary;

import htm.problem.control.Problem;
import htm.security.boundary.SecurityHeaders;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of the web container (WEB-INF/web.xml): what it refuses or fails at before a resource is reached
 * answers the HTM error body with the status it chose; the cause goes to the log, never to the caller.
 */
@WebServlet("/problem")
public class ContainerErrors extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ContainerErrors.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given && given >= 400 ? given : 404;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            LOG.log(
                    status >= 500 ? Level.SEVERE : Level.FINE,
                    "The web container refused " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    failure);
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.API_POLICY);
        response.getWriter()
                .write(JSON.toJson(new Problem.Body("HTM0" + status + "E", message(status), List.of(), null)));
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "The request's address is not valid (an encoded slash, a malformed or forbidden escape).";
            case 404 -> "No resource at this address.";
            case 405 -> "This HTTP method is not supported here.";
            default -> status >= 500 ? "The server failed to process the request." : "The request was rejected.";
        };
    }
}
